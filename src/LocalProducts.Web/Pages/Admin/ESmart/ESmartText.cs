using LocalProducts.Web.Domain.ESmart;

namespace LocalProducts.Web.Pages.Admin.ESmart;

/// The Indonesian words (localizer keys) for an application's state.
public static class ESmartText
{
    public static string State(CohortApplicationState state) => state switch
    {
        CohortApplicationState.Applied => "Menunggu keputusan",
        CohortApplicationState.Accepted => "Diterima",
        CohortApplicationState.Waitlisted => "Daftar tunggu",
        CohortApplicationState.Declined => "Ditolak",
        _ => "Dibatalkan",
    };
}
