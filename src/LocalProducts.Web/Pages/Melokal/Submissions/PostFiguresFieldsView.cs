using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Melokal.Submissions;

/// What the shared post fields need: the values typed, the round's platforms and its products.
public sealed record PostFiguresFieldsView(PostFiguresForm Input, IReadOnlyList<SocialPlatform> Platforms, IReadOnlyList<EntryPageProduct> Products);
