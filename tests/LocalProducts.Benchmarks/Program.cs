using LocalProducts.Benchmarks;
using LocalProducts.Benchmarks.Bench;

return args.FirstOrDefault() switch
{
    "bench" => await BenchCommand.RunAsync(args[1..]),
    "soak" => await LocalProducts.Benchmarks.Soak.SoakCommand.RunAsync(args[1..]),
    "faults" => await LocalProducts.Benchmarks.Faults.MixedLoadCommand.RunAsync(args[1..]),
    _ => await GenerateCommand.RunAsync(args),
};
