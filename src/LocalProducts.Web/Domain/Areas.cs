namespace LocalProducts.Web.Domain;

/// Provinsi, with its Kemendagri code ("11" = Aceh). Reference data from seeds/reference/idn-area.
public sealed class Province
{
    public required string Code { get; init; }
    public required string Name { get; set; }
}

/// Kabupaten or kota ("11.73" = Kota Lhokseumawe).
public sealed class Regency
{
    public required string Code { get; init; }
    public required string ProvinceCode { get; init; }
    public required string Name { get; set; }
    public Province? Province { get; private set; }

    public bool IsCity => Name.StartsWith("Kota ", StringComparison.Ordinal);
}

/// Kecamatan ("11.73.01").
public sealed class District
{
    public required string Code { get; init; }
    public required string RegencyCode { get; init; }
    public required string Name { get; set; }
}
