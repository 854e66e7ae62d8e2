using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Pages.Admin.Events;

/// Indonesian names of event states and roles; the views pass them through T.
public static class EventText
{
    public static string State(EventState state) => state switch
    {
        EventState.Draft => "Draf",
        EventState.Published => "Tayang",
        _ => "Dibatalkan",
    };

    public static string Role(RegistrantRole role) => role switch
    {
        RegistrantRole.Influencer => "Influencer",
        RegistrantRole.Ikm => "Pelaku IKM",
        _ => "Masyarakat umum",
    };

    public static string Status(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => "Terdaftar",
        RegistrationStatus.Waitlisted => "Daftar tunggu",
        RegistrationStatus.Held => "Menunggu konfirmasi e-mail",
        RegistrationStatus.Expired => "Tidak dikonfirmasi",
        _ => "Dibatalkan",
    };
}
