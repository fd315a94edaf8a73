#include <core/net/oauth1signer.h>

#include <QUrl>

#include <gtest/gtest.h>

using namespace Ledgerdesk::Core;

namespace {

OAuth1Signer demoSigner()
{
    return OAuth1Signer({QStringLiteral("ck-demo"),
                         QStringLiteral("cs secret"),
                         QStringLiteral("tok-demo"),
                         QStringLiteral("ts~secret"),
                         QStringLiteral("TSTDRV123")});
}

QUrl inventoryUrl()
{
    return QUrl::fromEncoded("http://127.0.0.1:8123/services/rest/record/v1/"
                             "inventoryItem?limit=5&offset=10&q=a%20b%2Fc");
}

} // namespace

TEST(OAuth1Signer, baseString_matchesRfc5849Example)
{
    // RFC 5849 §3.4.1.1: query parameters and form body parameters are merged, encoded, sorted.
    const QUrl url
        = QUrl::fromEncoded("http://EXAMPLE.COM:80/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b");
    const OAuth1Params params = {
        {QStringLiteral("c2"), QString()},
        {QStringLiteral("a3"), QStringLiteral("2 q")},
        {QStringLiteral("oauth_consumer_key"), QStringLiteral("9djdj82h48djs9d2")},
        {QStringLiteral("oauth_token"), QStringLiteral("kkk9d7dh3k39sjv7")},
        {QStringLiteral("oauth_signature_method"), QStringLiteral("HMAC-SHA1")},
        {QStringLiteral("oauth_timestamp"), QStringLiteral("137131201")},
        {QStringLiteral("oauth_nonce"), QStringLiteral("7d8f3e4a")},
        {QStringLiteral("realm"), QStringLiteral("Example")},
        {QStringLiteral("oauth_signature"), QStringLiteral("ignored")},
    };
    EXPECT_EQ(
        OAuth1Signer::signatureBaseString("post", url, params),
        QByteArray("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%"
                   "26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%"
                   "3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-"
                   "SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7"));
    EXPECT_EQ(
        OAuth1Signer::hmacSha256Signature(OAuth1Signer::signatureBaseString("POST", url, params),
                                          QStringLiteral("j49sk3j29djd"),
                                          QStringLiteral("dh893hdasih9")),
        QByteArray("lIfydhbOitvsm4DvUwgM0NdR1Mzd08HnXI+q+EG0QKo="));
}

TEST(OAuth1Signer, baseStringUri_keepsNonDefaultPortAndLowercasesHost)
{
    EXPECT_EQ(
        OAuth1Signer::baseStringUri(QUrl(QStringLiteral("HTTPS://Acct.Example.com:443/a/b?x=1"))),
        QByteArray("https://acct.example.com/a/b"));
    EXPECT_EQ(OAuth1Signer::baseStringUri(QUrl(QStringLiteral("http://127.0.0.1:8123"))),
              QByteArray("http://127.0.0.1:8123/"));
}

TEST(OAuth1Signer, percentEncode_encodesReservedAndUtf8)
{
    EXPECT_EQ(OAuth1Signer::percentEncode(QStringLiteral("Az09-._~ +/=&é")),
              QByteArray("Az09-._~%20%2B%2F%3D%26%C3%A9"));
}

TEST(OAuth1Signer, signature_matchesIndependentHmacSha256Vector)
{
    const OAuth1Signer signer = demoSigner();
    const OAuth1Params params = signer.protocolParams(QStringLiteral("n0nce"), 1767225600);
    EXPECT_EQ(
        OAuth1Signer::signatureBaseString("GET", inventoryUrl(), params),
        QByteArray("GET&http%3A%2F%2F127.0.0.1%3A8123%2Fservices%2Frest%2Frecord%2Fv1%"
                   "2FinventoryItem&limit%3D5%26oauth_consumer_key%3Dck-demo%26oauth_nonce%"
                   "3Dn0nce%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%"
                   "3D1767225600%26oauth_token%3Dtok-demo%26oauth_version%3D1.0%26offset%3D10%"
                   "26q%3Da%2520b%252Fc"));
    EXPECT_EQ(signer.signature("GET", inventoryUrl(), params),
              QByteArray("01y/kuiHq5Hz2gImK8skVyt9TxtkvuzQys+3MCrNRPM="));
}

TEST(OAuth1Signer, authorizationHeader_carriesRealmParamsAndEncodedSignature)
{
    const QByteArray header = demoSigner().authorizationHeader(
        "GET", inventoryUrl(), QStringLiteral("n0nce"), 1767225600);
    EXPECT_TRUE(header.startsWith("OAuth realm=\"TSTDRV123\", "));
    EXPECT_TRUE(header.contains("oauth_consumer_key=\"ck-demo\""));
    EXPECT_TRUE(header.contains("oauth_token=\"tok-demo\""));
    EXPECT_TRUE(header.contains("oauth_signature_method=\"HMAC-SHA256\""));
    EXPECT_TRUE(header.contains("oauth_version=\"1.0\""));
    EXPECT_TRUE(
        header.endsWith("oauth_signature=\"01y%2FkuiHq5Hz2gImK8skVyt9TxtkvuzQys%2B3MCrNRPM%3D\""));
}

TEST(OAuth1Signer, signature_changesWithMethodQueryOrSecret)
{
    const OAuth1Signer signer = demoSigner();
    const OAuth1Params params = signer.protocolParams(QStringLiteral("n0nce"), 1767225600);
    const QByteArray reference = signer.signature("GET", inventoryUrl(), params);
    EXPECT_NE(signer.signature("POST", inventoryUrl(), params), reference);
    QUrl otherQuery = inventoryUrl();
    otherQuery.setQuery(QStringLiteral("limit=6&offset=10&q=a%20b%2Fc"));
    EXPECT_NE(signer.signature("GET", otherQuery, params), reference);
    OAuth1Credentials otherSecret = signer.credentials();
    otherSecret.tokenSecret = QStringLiteral("ts~secreT");
    EXPECT_NE(OAuth1Signer(otherSecret).signature("GET", inventoryUrl(), params), reference);
}
