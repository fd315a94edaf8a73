#include <core/store/defaultpaths.h>
#include <core/sync/connectionbook.h>
#include <core/sync/connectionkinds.h>
#include <core/sync/secretstore.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Ledgerdesk;
using Core::ConnectionBook;
using Core::ConnectionKinds;
using Core::ConnectionSettings;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

// The shape ledgerdesk-sandbox writes, secrets included.
QJsonObject sandboxFile()
{
    return QJsonDocument::fromJson(R"json({"format": "ledgerdesk-connection", "version": 1,
        "name": "Ledgerdesk sandbox (seed 7)",
        "systems": {
    "shopify" : {
        "kind" : "shopify",
        "shopDomain" : "demo.myshopify.com",
        "baseUrl" : "http://127.0.0.1:8787",
        "apiVersion" : "2026-04",
        "graphqlUrl" : "http://127.0.0.1:8787/admin/api/2026-04/graphql.json",
        "accessToken" : "shpat_abc123",
        "webhookSecret" : "shpss_def456"
    },
                "erp" : {
                    "kind" : "netsuite",
                    "suiteqlUrl" : "http://127.0.0.1:8787/services/rest/query/v1/suiteql",
                    "accountId" : "TSTDRV1",
                    "consumerKey" : "ck-1",
                    "consumerSecret" : "cs-2",
                    "tokenId" : "tid-3",
                    "tokenSecret" : "ts-4",
                    "pageSize" : 200
                },
                        "wms":
    {
        "kind" : "wms-drop-folder", "rootFolder" : "/srv/wms"
    }}})json")
        .object();
}

} // namespace

TEST(ConnectionBook, SecretFieldsFollowTheConnectorRule)
{
    EXPECT_TRUE(ConnectionSettings::isSecretField(QStringLiteral("accessToken")));
    EXPECT_TRUE(ConnectionSettings::isSecretField(QStringLiteral("webhookSecret")));
    EXPECT_TRUE(ConnectionSettings::isSecretField(QStringLiteral("tokenSecret")));
    EXPECT_TRUE(ConnectionSettings::isSecretField(QStringLiteral("password")));
    EXPECT_FALSE(ConnectionSettings::isSecretField(QStringLiteral("tokenId")));
    EXPECT_FALSE(ConnectionSettings::isSecretField(QStringLiteral("consumerKey")));
    EXPECT_FALSE(ConnectionSettings::isSecretField(QStringLiteral("graphqlUrl")));
    // Every field the forms mark secret is one the file reader keeps out of settings too.
    for (const Core::ConnectionKind &kind : ConnectionKinds::all()) {
        for (const Core::ConnectionField &field : kind.fields) {
            EXPECT_EQ(field.type == Core::ConnectionField::Type::Secret,
                      ConnectionSettings::isSecretField(field.key))
                << qPrintable(field.key);
        }
    }
}

TEST(ConnectionBook, RoundTripKeepsSecretsOutOfTheFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested/connections.json"));
    Core::InMemorySecretStore secrets;
    ConnectionBook book(path);
    ASSERT_TRUE(book.load(secrets).ok()); // no file yet: an empty book
    EXPECT_TRUE(book.connections().isEmpty());

    ConnectionSettings shopify;
    shopify.system = QStringLiteral("shopify");
    shopify.kind = QStringLiteral("shopify");
    shopify.options.insert(QStringLiteral("baseUrl"), QStringLiteral("https://shop.example.com"));
    shopify.options.insert(QStringLiteral("apiVersion"), QStringLiteral("2026-04"));
    // A secret that slipped into the options still stays out of the file.
    shopify.options.insert(QStringLiteral("accessToken"), QStringLiteral("shpat_leak"));
    book.put(shopify);
    ASSERT_TRUE(secrets
                    .write(ConnectionBook::secretKey(QStringLiteral("shopify"),
                                                     QStringLiteral("accessToken")),
                           "shpat_real")
                    .ok());
    const Core::Status saved = book.save();
    ASSERT_TRUE(saved.ok()) << qPrintable(saved.error().message);

    const QByteArray bytes = readAll(path);
    EXPECT_FALSE(bytes.contains("shpat_")) << bytes.constData();
    EXPECT_FALSE(bytes.contains("accessToken"));

    // The CLI's reader takes the saved file as it is.
    Core::InMemorySecretStore cliSecrets;
    const auto read = ConnectionSettings::fromConnectionFile(
        QJsonDocument::fromJson(bytes).object(), QStringLiteral("shopify"), cliSecrets);
    ASSERT_TRUE(read.ok()) << qPrintable(read.error().message);
    EXPECT_EQ(read.value().kind, QStringLiteral("shopify"));
    EXPECT_EQ(read.value().options.value(QStringLiteral("baseUrl")).toString(),
              QStringLiteral("https://shop.example.com"));
    EXPECT_FALSE(read.value().options.contains(QStringLiteral("accessToken")));

    ConnectionBook again(path);
    ASSERT_TRUE(again.load(secrets).ok());
    ASSERT_EQ(again.connections().size(), 1);
    EXPECT_EQ(again.find(QStringLiteral("shopify"))->options.value(QStringLiteral("apiVersion")),
              QStringLiteral("2026-04"));
    EXPECT_TRUE(ConnectionBook::hasSecret(
        secrets, QStringLiteral("shopify"), QStringLiteral("accessToken")));
    EXPECT_FALSE(ConnectionBook::hasSecret(
        secrets, QStringLiteral("shopify"), QStringLiteral("webhookSecret")));

    EXPECT_TRUE(again.remove(QStringLiteral("shopify")));
    EXPECT_FALSE(again.remove(QStringLiteral("shopify")));
}

TEST(ConnectionBook, SandboxFileSecretsMoveToTheStoreAndLeaveTheFileOnSave)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("connections.json"));
    writeAll(path, QJsonDocument(sandboxFile()).toJson());
    Core::InMemorySecretStore secrets;
    ConnectionBook book(path);
    const Core::Status loaded = book.load(secrets);
    ASSERT_TRUE(loaded.ok()) << qPrintable(loaded.error().message);
    EXPECT_EQ(book.connections().size(), 3);
    EXPECT_TRUE(book.loadedSecrets());
    EXPECT_EQ(secrets.read(QStringLiteral("shopify/accessToken")).value(), "shpat_abc123");
    EXPECT_EQ(secrets.read(QStringLiteral("erp/tokenSecret")).value(), "ts-4");
    EXPECT_EQ(book.find(QStringLiteral("erp"))->options.value(QStringLiteral("tokenId")),
              QStringLiteral("tid-3"));

    ASSERT_TRUE(book.save().ok());
    const QByteArray bytes = readAll(path);
    for (const char *secret : {"shpat_abc123", "shpss_def456", "cs-2", "ts-4"}) {
        EXPECT_FALSE(bytes.contains(secret)) << secret;
    }
    ConnectionBook reread(path);
    ASSERT_TRUE(reread.load(secrets).ok());
    EXPECT_FALSE(reread.loadedSecrets());
    // What the console does not edit survives: the file's name and the ERP page size.
    const QJsonObject saved = QJsonDocument::fromJson(bytes).object();
    EXPECT_EQ(saved.value(QStringLiteral("name")).toString(),
              QStringLiteral("Ledgerdesk sandbox (seed 7)"));
    EXPECT_EQ(saved.value(QStringLiteral("systems"))
                  .toObject()
                  .value(QStringLiteral("erp"))
                  .toObject()
                  .value(QStringLiteral("pageSize"))
                  .toInt(),
              200);
}

TEST(ConnectionBook, BadFilesAreRefusedAndNeverOverwritten)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("connections.json"));

    const struct
    {
        QByteArray content;
        const char *expected;
    } cases[] = {
        {"{\"format\": \"ledgerdesk-connection\", \"systems\": {", "not valid JSON"},
        {"[1, 2]", "not valid JSON"},
        {"{\"format\": \"something-else\", \"systems\": {}}", "not a Ledgerdesk connection file"},
        {"{\"format\": \"ledgerdesk-connection\", \"systems\": []}", "not an object"},
        {"{\"format\": \"ledgerdesk-connection\", \"systems\": {\"shopify\": "
         "{\"accessToken\": \"shpat_x\"}}}",
         "without a kind"},
    };

    for (const auto &c : cases) {
        writeAll(path, c.content);
        Core::InMemorySecretStore secrets;
        ConnectionBook book(path);
        const Core::Status loaded = book.load(secrets);
        ASSERT_FALSE(loaded.ok()) << c.content.constData();
        EXPECT_TRUE(loaded.error().message.contains(QLatin1String(c.expected)))
            << qPrintable(loaded.error().message);
        EXPECT_TRUE(loaded.error().message.contains(QDir::toNativeSeparators(path)));
        // Nothing of a refused file reaches the keychain.
        EXPECT_FALSE(secrets.read(QStringLiteral("shopify/accessToken")).ok());

        ConnectionSettings wms;
        wms.system = QStringLiteral("wms");
        wms.kind = QStringLiteral("wms-drop-folder");
        wms.options.insert(QStringLiteral("rootFolder"), dir.path());
        book.put(wms);
        const Core::Status saved = book.save();
        EXPECT_FALSE(saved.ok());
        EXPECT_TRUE(saved.error().message.contains(QLatin1String("not saved")));
        EXPECT_EQ(readAll(path), c.content);
    }
}

TEST(ConnectionBook, ImportTakesTheSystemsOfAnotherFile)
{
    QTemporaryDir dir;
    const QString other = dir.filePath(QStringLiteral("sandbox.json"));
    writeAll(other, QJsonDocument(sandboxFile()).toJson());
    Core::InMemorySecretStore secrets;
    ConnectionBook book(dir.filePath(QStringLiteral("connections.json")));
    ASSERT_TRUE(book.load(secrets).ok());
    ASSERT_TRUE(book.importFile(other, secrets).ok());
    EXPECT_EQ(book.connections().size(), 3);
    EXPECT_EQ(secrets.read(QStringLiteral("shopify/webhookSecret")).value(), "shpss_def456");
    const Core::Status missing
        = book.importFile(dir.filePath(QStringLiteral("missing.json")), secrets);
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(QLatin1String("cannot read")));

    ASSERT_TRUE(ConnectionBook::forgetSecrets(secrets, *book.find(QStringLiteral("erp"))).ok());
    EXPECT_FALSE(secrets.read(QStringLiteral("erp/consumerSecret")).ok());
    EXPECT_TRUE(secrets.read(QStringLiteral("shopify/accessToken")).ok());
}

TEST(ConnectionBook, DefaultPathLiesNextToTheDefaultLedger)
{
    QTemporaryDir dir;
    const QByteArray before = qgetenv("LEDGERDESK_LEDGER");
    qputenv("LEDGERDESK_LEDGER", dir.filePath(QStringLiteral("books/ledger.db")).toUtf8());
    EXPECT_EQ(Core::defaultConnectionBookPath(),
              dir.filePath(QStringLiteral("books/connections.json")));
    if (before.isEmpty()) {
        qunsetenv("LEDGERDESK_LEDGER");
    } else {
        qputenv("LEDGERDESK_LEDGER", before);
    }
}

TEST(ConnectionKinds, ValidationNamesEachMissingOrMalformedField)
{
    const auto fieldsOf = [](const QList<Core::ConnectionProblem> &problems) {
        QStringList fields;
        for (const auto &problem : problems) {
            fields << problem.field;
        }
        return fields;
    };
    const QString shopify = QStringLiteral("shopify");
    auto problems = ConnectionKinds::validate(shopify, {}, {});
    EXPECT_TRUE(fieldsOf(problems).contains(QStringLiteral("baseUrl")));
    EXPECT_TRUE(fieldsOf(problems).contains(QStringLiteral("accessToken")));

    problems = ConnectionKinds::validate(
        shopify,
        {{QStringLiteral("baseUrl"), QStringLiteral("shop.example.com")},
         {QStringLiteral("apiVersion"), QStringLiteral("2026-04")}},
        {QStringLiteral("accessToken")});
    ASSERT_EQ(problems.size(), 1);
    EXPECT_EQ(problems.first().field, QStringLiteral("baseUrl"));
    EXPECT_TRUE(problems.first().message.contains(QLatin1String("not a web address")));

    problems = ConnectionKinds::validate(
        shopify,
        {{QStringLiteral("baseUrl"), QStringLiteral("https://shop.example.com")},
         {QStringLiteral("apiVersion"), QStringLiteral("April")}},
        {QStringLiteral("accessToken")});
    ASSERT_EQ(fieldsOf(problems), QStringList{QStringLiteral("apiVersion")});

    EXPECT_TRUE(ConnectionKinds::validate(
                    shopify,
                    {{QStringLiteral("graphqlUrl"),
                      QStringLiteral("https://shop.example.com/admin/api/2026-04/graphql.json")}},
                    {QStringLiteral("accessToken")})
                    .isEmpty());

    problems = ConnectionKinds::validate(
        QStringLiteral("netsuite"),
        {{QStringLiteral("suiteqlUrl"), QStringLiteral("ftp://erp.example.com/suiteql")},
         {QStringLiteral("accountId"), QStringLiteral("A1")},
         {QStringLiteral("consumerKey"), QStringLiteral("ck")},
         {QStringLiteral("tokenId"), QStringLiteral("tid")}},
        {QStringLiteral("consumerSecret")});
    EXPECT_EQ(fieldsOf(problems),
              (QStringList{QStringLiteral("suiteqlUrl"), QStringLiteral("tokenSecret")}));

    // The ERP needs its base URL or the SuiteQL URL; the base URL gives the SuiteQL URL.
    problems = ConnectionKinds::validate(QStringLiteral("netsuite"), {}, {});
    EXPECT_TRUE(fieldsOf(problems).contains(QStringLiteral("baseUrl")));
    const QJsonObject completed = ConnectionKinds::completed(
        QStringLiteral("netsuite"),
        {{QStringLiteral("baseUrl"), QStringLiteral("https://td1.suitetalk.api.netsuite.com/")}});
    EXPECT_EQ(
        completed.value(QStringLiteral("suiteqlUrl")).toString(),
        QStringLiteral("https://td1.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql"));
    EXPECT_EQ(
        ConnectionKinds::completed(QStringLiteral("netsuite"),
                                   {{QStringLiteral("baseUrl"), QStringLiteral("https://a")},
                                    {QStringLiteral("suiteqlUrl"), QStringLiteral("https://b/q")}})
            .value(QStringLiteral("suiteqlUrl"))
            .toString(),
        QStringLiteral("https://b/q"));

    problems = ConnectionKinds::validate(QStringLiteral("wms-drop-folder"),
                                         {{QStringLiteral("inboundFolder"), QStringLiteral("in")}},
                                         {});
    EXPECT_EQ(fieldsOf(problems),
              (QStringList{QStringLiteral("inboundFolder"), QStringLiteral("rootFolder")}));

    problems = ConnectionKinds::validate(QStringLiteral("ftp"), {}, {});
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems.first().field.isEmpty());
}
