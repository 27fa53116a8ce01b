using System.Runtime;

namespace ECms.Simulators.Benchmarks;

/// <summary>
/// Runs unmeasured rounds until the JIT settles. With tiered compilation a method is recompiled with full
/// optimisation only after it has run a while, and on 2 cores that takes thousands of requests; measuring before it
/// settles measures the compiler, not the hub (a fixed small warm-up left 4,000 recompilations inside the measured
/// loop; with the full rule engine the hub needs about 20 rounds of 160 exchanges). A round counts as settled when
/// it compiles fewer than <see cref="SettledMethods"/> methods.
/// </summary>
internal static class WarmUp
{
    private const int SettledMethods = 25;
    private const int MaxRounds = 40;

    public static string Describe => $"a round of exchanges compiling fewer than {SettledMethods} methods, at most {MaxRounds} rounds";

    /// <summary>Runs <paramref name="round"/> (given its number) until the JIT settles; returns how many rounds it took.</summary>
    public static async Task<int> UntilJitSettlesAsync(Func<int, Task> round)
    {
        for (var number = 1; number <= MaxRounds; number++)
        {
            var before = JitInfo.GetCompiledMethodCount();
            await round(number).ConfigureAwait(false);
            if (JitInfo.GetCompiledMethodCount() - before < SettledMethods)
            {
                return number;
            }
        }

        Console.WriteLine($"Warning: the JIT was still compiling after {MaxRounds} warm-up rounds; the next figures include compilation.");
        return MaxRounds;
    }
}
