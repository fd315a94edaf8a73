#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace Ledgerdesk::Sandbox {

struct GqlLocation
{
    int line = 1;
    int column = 1;
};

struct GqlValue
{
    enum class Kind { Null, Int, Float, String, Boolean, Enum, List, Object, Variable };
    Kind kind = Kind::Null;
    QString text; // literal text, string contents, enum or variable name
    std::vector<GqlValue> items;
    std::vector<std::pair<QString, GqlValue>> fields;
    GqlLocation at;
};

using GqlArguments = std::vector<std::pair<QString, GqlValue>>;

struct GqlDirective
{
    QString name;
    GqlArguments arguments;
    GqlLocation at;
};

// A field, or (name empty) an inline fragment; named fragment spreads are inlined by the parser.
struct GqlField
{
    QString alias;
    QString name;
    QString typeCondition;
    GqlArguments arguments;
    std::vector<GqlDirective> directives;
    std::vector<GqlField> selections;
    GqlLocation at;

    bool isFragment() const { return name.isEmpty(); }

    QString responseKey() const { return alias.isEmpty() ? name : alias; }

    const GqlDirective *directive(const QString &directiveName) const;
    const GqlValue *argument(const QString &argumentName) const;
};

struct GqlVariableDefinition
{
    QString name;
    QString type; // as written, e.g. "[ID!]!"
    std::optional<GqlValue> defaultValue;
    GqlLocation at;
};

struct GqlOperation
{
    QString kind = QStringLiteral("query");
    QString name;
    std::vector<GqlVariableDefinition> variables;
    std::vector<GqlField> selections;
    GqlLocation at;
};

struct GqlError
{
    QString message;
    std::optional<GqlLocation> at;
    QString code;
    QJsonArray path;

    QJsonObject toJson() const;
};

struct GqlDocument
{
    std::vector<GqlOperation> operations;
};

} // namespace Ledgerdesk::Sandbox
