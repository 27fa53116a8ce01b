global using NUnit.Framework;
global using Shouldly;

[assembly: LevelOfParallelism(2)]
