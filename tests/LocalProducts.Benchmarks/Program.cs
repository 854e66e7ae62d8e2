using LocalProducts.Benchmarks;

return await GenerateCommand.RunAsync(args);
