#pragma once

#include "gqlcontext.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace Ledgerdesk::Sandbox {

// One object of the response: fixed values plus resolvers for fields that take arguments or
// nest further; projected onto a selection set (aliases, __typename, inline fragments).
class GqlObject final
{
public:
    using Resolver = std::function<QJsonValue(const GqlField &field, const QJsonObject &args)>;

    explicit GqlObject(QString typeName, QStringList interfaces = {});

    GqlObject &set(const QString &name, const QJsonValue &value);
    GqlObject &on(const QString &name, Resolver resolver);

    QJsonObject project(const std::vector<GqlField> &selections, const GqlContext &context) const;

    // Projects a plain JSON value (objects named by their "__typename" key) onto a selection.
    static QJsonValue
    projectPlain(const QJsonValue &value, const GqlField &field, const GqlContext &context);

    const QString &typeName() const { return m_typeName; }

private:
    bool matches(const QString &typeCondition) const;
    void projectInto(QJsonObject &out,
                     const std::vector<GqlField> &selections,
                     const GqlContext &context) const;

    QString m_typeName;
    QStringList m_interfaces;
    QHash<QString, QJsonValue> m_values;
    QHash<QString, Resolver> m_resolvers;
};

} // namespace Ledgerdesk::Sandbox
