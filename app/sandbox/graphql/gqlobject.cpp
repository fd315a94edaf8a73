#include "gqlobject.h"

#include <QJsonArray>

namespace Ledgerdesk::Sandbox {

GqlObject::GqlObject(QString typeName, QStringList interfaces)
    : m_typeName(std::move(typeName))
    , m_interfaces(std::move(interfaces))
{}

GqlObject &GqlObject::set(const QString &name, const QJsonValue &value)
{
    m_values.insert(name, value);
    return *this;
}

GqlObject &GqlObject::on(const QString &name, Resolver resolver)
{
    m_resolvers.insert(name, std::move(resolver));
    return *this;
}

bool GqlObject::matches(const QString &typeCondition) const
{
    return typeCondition.isEmpty() || typeCondition == m_typeName
           || m_interfaces.contains(typeCondition);
}

QJsonObject GqlObject::project(const std::vector<GqlField> &selections,
                               const GqlContext &context) const
{
    QJsonObject out;
    projectInto(out, selections, context);
    return out;
}

void GqlObject::projectInto(QJsonObject &out,
                            const std::vector<GqlField> &selections,
                            const GqlContext &context) const
{
    for (const GqlField &field : selections) {
        if (field.isFragment()) {
            if (matches(field.typeCondition)) {
                projectInto(out, field.selections, context);
            }
            continue;
        }
        if (field.name == u"__typename") {
            out.insert(field.responseKey(), m_typeName);
            continue;
        }
        if (const auto r = m_resolvers.constFind(field.name); r != m_resolvers.constEnd()) {
            out.insert(field.responseKey(), (*r)(field, context.arguments(field)));
            continue;
        }
        const auto v = m_values.constFind(field.name);
        if (v == m_values.constEnd()) {
            GqlContext::raise(
                QStringLiteral("Field '%1' doesn't exist on type '%2'").arg(field.name, m_typeName),
                field.at,
                QStringLiteral("undefinedField"));
        }
        out.insert(field.responseKey(), projectPlain(*v, field, context));
    }
}

QJsonValue
GqlObject::projectPlain(const QJsonValue &value, const GqlField &field, const GqlContext &context)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray()) {
            out.append(projectPlain(item, field, context));
        }
        return out;
    }
    if (!value.isObject()) {
        if (!field.selections.empty() && !value.isNull()) {
            GqlContext::raise(
                QStringLiteral("Selections can't be made on scalars (field '%1')").arg(field.name),
                field.at,
                QStringLiteral("selectionMismatch"));
        }
        return value;
    }
    const QJsonObject object = value.toObject();
    const QString typeName = object.value(QStringLiteral("__typename")).toString();
    if (field.selections.empty()) {
        GqlContext::raise(QStringLiteral("Field must have selections (field '%1' returns %2 but "
                                         "has no selections)")
                              .arg(field.name, typeName),
                          field.at,
                          QStringLiteral("selectionMismatch"));
    }
    GqlObject plain(typeName);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != u"__typename") {
            plain.set(it.key(), it.value());
        }
    }
    return plain.project(field.selections, context);
}

} // namespace Ledgerdesk::Sandbox
