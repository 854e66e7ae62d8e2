using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// One report as the owner's list and staff's queue show it.
public sealed record SalesReportRow(
    long Id,
    string ItemName,
    bool IsCategory,
    SalesChannel Channel,
    SalesPeriodKind Kind,
    DateOnly Start,
    int Units,
    long RevenueRupiah,
    SalesReportState State,
    string? HoldReason,
    string? ReviewNote,
    uint Version);
