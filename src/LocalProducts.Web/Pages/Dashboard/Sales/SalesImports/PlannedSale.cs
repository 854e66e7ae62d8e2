namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// A good row of the file: the report it writes, and the stored one it corrects when there is one.
public sealed record PlannedSale(int Line, SaleKey Key, int Units, long RevenueRupiah, long? ExistingId);
