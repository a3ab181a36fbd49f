using Support.Testing;

namespace Support.SupportLine.Tests;

public sealed class CompiledModelTests : SupportLineFixture
{
    [Fact]
    public Task The_service_runs_on_its_compiled_model_rather_than_building_one_at_start_up() =>
        CompiledModelContract.VerifyInUseAsync(Host);

    [Fact]
    public Task The_committed_compiled_model_is_what_the_model_configuration_generates_today() =>
        CompiledModelContract.VerifyCurrentAsync(Host);
}
