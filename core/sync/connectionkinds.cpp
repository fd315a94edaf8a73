#include "connectionkinds.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>

namespace Ledgerdesk::Core {

namespace {

using Type = ConnectionField::Type;

QString text(const QJsonObject &options, const QString &key)
{
    return options.value(key).toString().trimmed();
}

// "Consumer key" reads "consumer key" mid-sentence; "SuiteQL URL" stays as it is.
QString inSentence(const QString &label)
{
    const QString firstWord = label.section(u' ', 0, 0);
    if (firstWord.size() > 1 && firstWord.mid(1) == firstWord.mid(1).toLower()) {
        return label.left(1).toLower() + label.mid(1);
    }
    return label;
}

} // namespace

QStringList ConnectionKind::secretFields() const
{
    QStringList names;
    for (const ConnectionField &field : fields) {
        if (field.type == Type::Secret) {
            names << field.key;
        }
    }
    return names;
}

QList<ConnectionKind> ConnectionKinds::all()
{
    // The keys are what ShopifyConnector, ErpConnector and WmsConnector read.
    return {
        {QStringLiteral("shopify"),
         QStringLiteral("shopify"),
         tr("Shopify"),
         {{QStringLiteral("baseUrl"),
           tr("Shop URL"),
           Type::Url,
           false,
           QStringLiteral("https://your-shop.myshopify.com")},
          {QStringLiteral("apiVersion"), tr("API version"), Type::Text, false, tr("e.g. 2026-04")},
          {QStringLiteral("graphqlUrl"),
           tr("GraphQL endpoint"),
           Type::Url,
           false,
           tr("derived from the shop URL and API version when empty")},
          {QStringLiteral("shopDomain"),
           tr("Shop domain"),
           Type::Text,
           false,
           QStringLiteral("your-shop.myshopify.com")},
          {QStringLiteral("accessToken"), tr("Admin API access token"), Type::Secret, true, {}},
          {QStringLiteral("webhookSecret"), tr("Webhook secret"), Type::Secret, false, {}}}},
        {QStringLiteral("netsuite"),
         QStringLiteral("erp"),
         tr("ERP (NetSuite)"),
         {{QStringLiteral("baseUrl"),
           tr("Base URL"),
           Type::Url,
           false,
           QStringLiteral("https://ACCOUNT.suitetalk.api.netsuite.com")},
          {QStringLiteral("suiteqlUrl"),
           tr("SuiteQL URL"),
           Type::Url,
           false,
           tr("derived from the base URL when empty")},
          {QStringLiteral("recordUrl"),
           tr("Record URL"),
           Type::Url,
           false,
           tr("derived from the SuiteQL URL when empty")},
          {QStringLiteral("accountId"), tr("Account"), Type::Text, true, {}},
          {QStringLiteral("consumerKey"), tr("Consumer key"), Type::Text, true, {}},
          {QStringLiteral("consumerSecret"), tr("Consumer secret"), Type::Secret, true, {}},
          {QStringLiteral("tokenId"), tr("Token id"), Type::Text, true, {}},
          {QStringLiteral("tokenSecret"), tr("Token secret"), Type::Secret, true, {}}}},
        {QStringLiteral("wms-drop-folder"),
         QStringLiteral("wms"),
         tr("WMS (drop folder)"),
         {{QStringLiteral("rootFolder"),
           tr("Root folder"),
           Type::Folder,
           false,
           tr("holds inbound, outbound and archive")},
          {QStringLiteral("inboundFolder"),
           tr("Inbound folder"),
           Type::Folder,
           false,
           tr("root folder/inbound when empty")},
          {QStringLiteral("outboundFolder"),
           tr("Outbound folder"),
           Type::Folder,
           false,
           tr("root folder/outbound when empty")},
          {QStringLiteral("archiveFolder"),
           tr("Archive folder"),
           Type::Folder,
           false,
           tr("root folder/archive when empty")}}},
    };
}

std::optional<ConnectionKind> ConnectionKinds::byKind(const QString &kind)
{
    for (const ConnectionKind &k : all()) {
        if (k.kind == kind) {
            return k;
        }
    }
    return std::nullopt;
}

std::optional<ConnectionKind> ConnectionKinds::bySystem(const QString &system)
{
    for (const ConnectionKind &k : all()) {
        if (k.system == system) {
            return k;
        }
    }
    return std::nullopt;
}

QJsonObject ConnectionKinds::completed(const QString &kind, QJsonObject options)
{
    // ErpConnector reads the SuiteQL URL only; NetSuite serves it under the account's base URL.
    const QString base = text(options, QStringLiteral("baseUrl"));
    if (kind == u"netsuite" && text(options, QStringLiteral("suiteqlUrl")).isEmpty()
        && !base.isEmpty()) {
        QString root = base;
        while (root.endsWith(u'/')) {
            root.chop(1);
        }
        options.insert(QStringLiteral("suiteqlUrl"),
                       QString(root + QStringLiteral("/services/rest/query/v1/suiteql")));
    }
    return options;
}

std::optional<QString> ConnectionKinds::urlProblem(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")
        || url.host().isEmpty()) {
        return tr("\"%1\" is not a web address; it needs http:// or https:// and a host")
            .arg(text.trimmed());
    }
    return std::nullopt;
}

QList<ConnectionProblem> ConnectionKinds::validate(const QString &kind,
                                                   const QJsonObject &options,
                                                   const QSet<QString> &secretsAvailable)
{
    const auto found = byKind(kind);
    if (!found) {
        return {{QString(), tr("\"%1\" is not a kind of connection Ledgerdesk knows").arg(kind)}};
    }
    QList<ConnectionProblem> problems;
    for (const ConnectionField &field : found->fields) {
        const QString value = text(options, field.key);
        if (field.type == Type::Secret) {
            if (field.required && !secretsAvailable.contains(field.key)) {
                problems.append({field.key, tr("Enter the %1.").arg(inSentence(field.label))});
            }
            continue;
        }
        if (value.isEmpty()) {
            if (field.required) {
                problems.append({field.key, tr("Enter the %1.").arg(inSentence(field.label))});
            }
            continue;
        }
        if (field.type == Type::Url) {
            if (const auto problem = urlProblem(value)) {
                problems.append({field.key, *problem});
            }
        } else if (field.type == Type::Folder && QDir::isRelativePath(value)) {
            problems.append(
                {field.key,
                 tr("\"%1\" is not a full folder path").arg(QDir::toNativeSeparators(value))});
        }
    }
    if (kind == u"shopify") {
        const QString version = text(options, QStringLiteral("apiVersion"));
        static const QRegularExpression versionShape(
            QStringLiteral("^(\\d{4}-(01|04|07|10)|unstable)$"));
        if (!version.isEmpty() && !versionShape.match(version).hasMatch()) {
            problems.append(
                {QStringLiteral("apiVersion"),
                 tr("\"%1\" is not a Shopify API version such as 2026-04").arg(version)});
        }
        if (text(options, QStringLiteral("graphqlUrl")).isEmpty()
            && (text(options, QStringLiteral("baseUrl")).isEmpty() || version.isEmpty())) {
            problems.append({QStringLiteral("baseUrl"),
                             tr("Enter the shop URL and API version, or the GraphQL endpoint.")});
        }
    } else if (kind == u"netsuite" && text(options, QStringLiteral("suiteqlUrl")).isEmpty()
               && text(options, QStringLiteral("baseUrl")).isEmpty()) {
        problems.append({QStringLiteral("baseUrl"), tr("Enter the base URL or the SuiteQL URL.")});
    } else if (kind == u"wms-drop-folder"
               && text(options, QStringLiteral("rootFolder")).isEmpty()) {
        for (const QString &key : {QStringLiteral("inboundFolder"),
                                   QStringLiteral("outboundFolder"),
                                   QStringLiteral("archiveFolder")}) {
            if (text(options, key).isEmpty()) {
                problems.append(
                    {QStringLiteral("rootFolder"),
                     tr("Enter the root folder, or the inbound, outbound and archive folders.")});
                break;
            }
        }
    }
    return problems;
}

} // namespace Ledgerdesk::Core
