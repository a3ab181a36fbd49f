using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Support.EndToEnd.Tests;
using Support.Testing;

namespace Support.Hardening.Tests;

/// <summary>
/// Suite 4 of issue 17 (logs): distinctive personal data submitted in accepted and refused requests never appears in
/// any process's log. A NUL in a name once reached PostgreSQL, whose error context carried the outbox payload (a name
/// and a date of birth) into the service's log.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LogScanTests(Platform platform)
{
    [Fact]
    public async Task Names_dates_of_birth_phone_numbers_and_free_text_submitted_never_reach_a_log()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var given = $"Zephyrine{marker}";
        var family = $"Quillfeather{marker}";
        var phone = "07700 900" + Random.Shared.Next(100, 999);
        var note = $"Seen near the canal lock {marker}";
        const string dateOfBirth = "2011-02-17";
        using var client = platform.Client("SocialWorker", "log-scan");

        using var accepted = await client.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = given, familyName = family, preferredName = given, dateOfBirth, gender = "Female",
            ethnicity = "White British", phoneNumbers = new[] { phone }, localArea = note,
        });
        using var withNul = await client.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = given + "\u0000", familyName = family, preferredName = given, dateOfBirth, gender = "Female",
            ethnicity = "White British", phoneNumbers = new[] { phone }, localArea = note + "\u0000",
        });
        using var withBadEnum = await client.PostAsJsonAsync("/api/referrals/young-people", new
        {
            givenName = given, familyName = family, preferredName = given, dateOfBirth, gender = 999,
            ethnicity = "White British", phoneNumbers = new[] { phone }, localArea = note,
        });

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withNul.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withBadEnum.StatusCode);
        var registered = await accepted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var id = registered.GetProperty("id").GetString();
        // Let the registration fan out to every service's projection (their consumers log as they work).
        using var outreach = platform.Client("OutreachWorker", "log-scan");
        await Eventually.TrueAsync(async () =>
        {
            using var seen = await outreach.GetAsync($"/api/outreach/young-people/{id}");
            return seen.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), "the registration reached Outreach's projection");

        var leaks = new List<string>();
        foreach (var file in Directory.EnumerateFiles(platform.LogDirectory, "*.log"))
        {
            string text;
            using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var reader = new StreamReader(stream))
            {
                text = await reader.ReadToEndAsync();
            }
            foreach (var secret in new[] { given, family, phone, note, marker, dateOfBirth, "17/02/2011" })
            {
                if (text.Contains(secret, StringComparison.OrdinalIgnoreCase))
                {
                    leaks.Add($"{Path.GetFileName(file)} contains '{secret}'");
                }
            }
        }
        Assert.Empty(leaks);
    }

    /// <summary>
    /// PostgreSQL's own log: an error's DETAIL ("Key (phone)=(+447700900123) already exists"), its CONTEXT (a line of
    /// an outbox payload) and the statement that failed all quote row values. The server the project's scripts start
    /// runs with production's settings (k8s/base/data/postgres.yaml): the message only, never the values.
    /// </summary>
    [Fact]
    public async Task PostgreSQL_logs_only_an_errors_message_never_its_detail_context_statement_or_parameters()
    {
        await using var connection = new NpgsqlConnection(platform.ConnectionStringOf("referrals"));
        await connection.OpenAsync();
        async Task<string> SettingAsync(string name)
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", connection);
            return (string)(await show.ExecuteScalarAsync())!;
        }

        Assert.Equal("terse", await SettingAsync("log_error_verbosity"));
        Assert.Equal("panic", await SettingAsync("log_min_error_statement"));
        Assert.Equal("0", await SettingAsync("log_parameter_max_length"));
        Assert.Equal("0", await SettingAsync("log_parameter_max_length_on_error"));
    }
}
