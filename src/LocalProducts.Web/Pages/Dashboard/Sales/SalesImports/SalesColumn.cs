namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// A column of the sales CSV.
public enum SalesColumn
{
    Day = 1,
    Month,
    Product,
    Category,
    Channel,
    Units,
    Revenue,
}
