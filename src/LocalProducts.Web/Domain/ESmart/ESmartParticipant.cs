namespace LocalProducts.Web.Domain.ESmart;

public enum ParticipantSource
{
    /// Applied to a cohort on this site.
    Cohort = 1,
    /// Brought over from the programme's earlier records (and the demo data).
    Record = 2,
}

/// One IKM in the e-Smart IKM programme: registered, then trained (completed every module of a
/// cohort), then curated (chosen by staff for the marketplaces' showcase). The public figures
/// count these rows. An IKM with an account here is linked; earlier records need not be.
public sealed class ESmartParticipant
{
    public int Id { get; private set; }
    public int? IkmId { get; private set; }
    public required string ProvinceCode { get; init; }
    public int? CategoryId { get; set; }
    public DateOnly RegisteredOn { get; init; }
    public DateOnly? TrainedOn { get; private set; }
    public DateOnly? CuratedOn { get; private set; }
    public ParticipantSource Source { get; init; }

    public static ESmartParticipant ForIkm(Ikm ikm, int? categoryId, DateOnly todayWib) => new()
    {
        IkmId = ikm.Id,
        ProvinceCode = ikm.ProvinceCode,
        CategoryId = categoryId,
        RegisteredOn = todayWib,
        Source = ParticipantSource.Cohort,
    };

    public static ESmartParticipant FromRecord(string provinceCode, int? categoryId, DateOnly registeredOn, DateOnly? trainedOn, DateOnly? curatedOn)
    {
        if (trainedOn < registeredOn || curatedOn < (trainedOn ?? registeredOn) || (curatedOn is not null && trainedOn is null))
        {
            throw new ArgumentException("Trained after registered, curated after trained.");
        }
        return new()
        {
            ProvinceCode = provinceCode,
            CategoryId = categoryId,
            RegisteredOn = registeredOn,
            TrainedOn = trainedOn,
            CuratedOn = curatedOn,
            Source = ParticipantSource.Record,
        };
    }

    /// The first completed cohort makes the IKM trained; a later one changes nothing.
    public void Trained(DateOnly todayWib) => TrainedOn ??= todayWib;

    /// Only a trained IKM is curated.
    public void Curated(DateOnly todayWib)
    {
        if (TrainedOn is null)
        {
            throw new InvalidOperationException("Only a trained IKM can be curated.");
        }
        CuratedOn ??= todayWib;
    }
}
