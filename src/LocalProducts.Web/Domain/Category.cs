namespace LocalProducts.Web.Domain;

/// A node of the product category tree. Products hang on leaves; parents group them.
public sealed class Category
{
    public int Id { get; private set; }
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public int? ParentId { get; set; }
    public Category? Parent { get; private set; }
    public int SortOrder { get; set; }

    public string LocalName(bool english) => english ? NameEn : Name;
}
