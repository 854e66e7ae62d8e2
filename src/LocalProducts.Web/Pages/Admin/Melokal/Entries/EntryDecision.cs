namespace LocalProducts.Web.Pages.Admin.Melokal.Entries;

public enum EntryDecision
{
    Approve = 1,
    Decline = 2,
}
