#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

// One field a person fills to connect a system, named as the connector reads it.
struct ConnectionField
{
    enum class Type { Url, Text, Folder, Secret };

    QString key; // the option or secret name, e.g. "graphqlUrl", "accessToken"
    QString label;
    Type type = Type::Text;
    bool required = false;
    QString hint; // shown greyed in the empty field, e.g. an example address
};

// A kind of connected system: the system name its connector files data and secrets under, and
// the fields its connector reads (core/connectors/*).
struct ConnectionKind
{
    QString kind;   // "shopify", "netsuite", "wms-drop-folder"
    QString system; // "shopify", "erp", "wms"
    QString title;
    QList<ConnectionField> fields;

    QStringList secretFields() const;
};

// What is wrong with one field of a connection, for an inline message.
struct ConnectionProblem
{
    QString field; // empty when it concerns the connection as a whole
    QString message;
};

class ConnectionKinds final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionKinds)

public:
    static QList<ConnectionKind> all();
    static std::optional<ConnectionKind> byKind(const QString &kind);
    static std::optional<ConnectionKind> bySystem(const QString &system);

    // Checks the options a person filled and which secrets will be available (typed now or
    // already stored). Empty when the connection can be saved.
    static QList<ConnectionProblem> validate(const QString &kind,
                                             const QJsonObject &options,
                                             const QSet<QString> &secretsAvailable);

    // The options with what the connector needs but a person may leave out filled in (the ERP's
    // SuiteQL URL from its base URL).
    static QJsonObject completed(const QString &kind, QJsonObject options);

    // An http(s) address with a host; the reason when not.
    static std::optional<QString> urlProblem(const QString &text);
};

} // namespace Ledgerdesk::Core
