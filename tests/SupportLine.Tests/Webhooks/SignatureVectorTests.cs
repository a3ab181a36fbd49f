using Support.Testing.Twilio;
using Twilio.Security;

namespace Support.SupportLine.Tests.Webhooks;

/// <summary>
/// Every signature vector in twilio.md §1–§2, checked with the validator the service uses (Twilio's
/// <see cref="RequestValidator"/>, which also tries the URL with and without the default port) and, where the vector is
/// the URL as signed, with the test signer the other tests use to sign webhooks.
/// </summary>
public sealed class SignatureVectorTests
{
    private const string Token = "12345";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static readonly Dictionary<string, string> Base = new()
    {
        // Out of alphabetical order on purpose, as in the C# SDK's own test.
        ["Digits"] = "1234", ["To"] = "+18005551212", ["From"] = "+14158675309", ["Caller"] = "+14158675309", ["CallSid"] = "CA1234567890ABCDE",
    };

    public static TheoryData<string, string> Vectors => new()
    {
        { Url, "RSOYDt4T1cUTdK1PDd93/VVr8B8=" },
        { Url, "kvajT1Ptam85bY51eRf/AJRuM3w=" },
        { "https://mycompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=" },
        { "https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=" },
        { "http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=" },
        { "http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=" },
        { "https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=" },
        { "https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=" },
        { "http://MyCompany.com/myapp.php?foo=1&bar=2", "XY7AlKOKL6im4yWyX84gldUrtis=" },
        { "http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=" },
        { "HTTP://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "hy/l8pca+LFms4cvRdv8uiP6NGc=" },
        { "http://Username:Password@MyCompany.com/myapp.php?foo=1&bar=2", "SkTSKyDJH9kUlhItI0slbgZ1UsI=" },
        { "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "CukzLTc1tT5dXEDIHm/tKBanW10=" },
        { "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=" },
        { "https://user@mycompany.com/myapp.php?foo=1&bar=2", "2YRLlVAflCqxaNicjMpJcSTgzSs=" },
        { "https://mycompany.com/myapp.php?foo=1&bar=2&Body=It's+amazing", "dsq4Ehbj6cs+KdTkpF5sSSplOWw=" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_sdk_vector_validates(string url, string signature) =>
        Assert.True(new RequestValidator(Token).Validate(url, Base, signature));

    [Theory]
    [InlineData(Url, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=")]
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")]
    [InlineData("http://mycompany.com:80/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")]
    [InlineData("https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=")]
    [InlineData("http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=")]
    [InlineData("https://user@mycompany.com/myapp.php?foo=1&bar=2", "2YRLlVAflCqxaNicjMpJcSTgzSs=")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&Body=It's+amazing", "dsq4Ehbj6cs+KdTkpF5sSSplOWw=")]
    public void The_test_signer_computes_the_sdk_vectors(string signedUrl, string expected) =>
        Assert.Equal(expected, TwilioSigner.Sign(Token, signedUrl, Base));

    [Fact]
    public void A_wrong_signature_fails() =>
        Assert.False(new RequestValidator(Token).Validate(Url, Base, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8="));

    [Fact]
    public void The_documentation_example_validates()
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = "+12349013030", ["Digits"] = "1234", ["From"] = "+12349013030", ["To"] = "+18005551212",
        };
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSigner.Sign(Token, Url, form));
        Assert.True(new RequestValidator(Token).Validate(Url, form, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }

    [Fact]
    public void Repeated_keys_sign_every_value_in_order()
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Sid", "CA123"), new("SidAccount", "AC123"), new("Digits", "5678"), new("Digits", "1234"),
        };
        Assert.Equal("IK+Dwps556ElfBT0I3Rgjkr1wJU=", TwilioSigner.Sign(Token, Url, form));
    }

    [Fact]
    public void The_captured_sms_webhook_validates()
    {
        var form = new Dictionary<string, string>
        {
            ["ToState"] = "CA", ["FromState"] = "CA", ["AccountSid"] = "ACba8bc05eacf94afdae398e642c9cc32d",
            ["SmsMessageSid"] = "SM2003cbd5e6a3701999aa3e5f20ff2787", ["Body"] = "Orly", ["From"] = "+14159354345",
            ["FromCity"] = "SAN FRANCISCO", ["SmsStatus"] = "received", ["FromZip"] = "94107", ["FromCountry"] = "US", ["To"] = "+14158141819",
            ["ToCity"] = "SAN FRANCISCO", ["ToZip"] = "94105", ["ToCountry"] = "US", ["ApiVersion"] = "2010-04-01",
            ["SmsSid"] = "SM2003cbd5e6a3701999aa3e5f20ff2787",
        };
        const string token = "2bd9e9638872de601313dc77410d3b23";
        const string url = "http://twiliotests.heroku.com/validate/sms";
        Assert.Equal("mxeiv65lEe0b8L6LdVw2jgJi8yw=", TwilioSigner.Sign(token, url, form));
        Assert.True(new RequestValidator(token).Validate(url, form, "mxeiv65lEe0b8L6LdVw2jgJi8yw="));
        Assert.False(new RequestValidator(token).Validate(url, new Dictionary<string, string>(form) { ["Body"] = "Orly?" }, "mxeiv65lEe0b8L6LdVw2jgJi8yw="));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620", "{\"property\": \"value\", \"boolean\": true}", "a9nBmqA0ju/hNViExpshrM61xv4=")]
    [InlineData("https://mycompany.com/myapp.php?bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620", "{\"property\": \"value\", \"boolean\": true}", "y77kIzt2vzLz71DgmJGsen2scGs=")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", "{}", "Ldidvp12m26NI7eqEvxnEpkd9Hc=")]
    public void Json_body_vectors_validate_with_their_hash(string url, string body, string signature) =>
        Assert.True(new RequestValidator(Token).Validate(url, body, signature));

    [Fact]
    public void A_json_body_without_its_hash_in_the_url_fails() =>
        Assert.False(new RequestValidator(Token).Validate(Url, "{\"property\": \"value\", \"boolean\": true}", "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
}
