#include "gqlcontext.h"

#include <QJsonArray>

namespace Ledgerdesk::Sandbox {

GqlContext::GqlContext(const GqlOperation &operation, const QJsonObject &variables)
    : m_operation(operation)
    , m_variables(variables)
{
    for (const GqlVariableDefinition &def : operation.variables) {
        if (!m_variables.contains(def.name) && def.defaultValue) {
            try {
                m_variables.insert(def.name, resolve(*def.defaultValue));
            } catch (const GqlFieldError &failure) {
                m_defaultError = failure.error;
            }
        }
    }
}

void GqlContext::raise(const QString &message, GqlLocation at, const QString &code)
{
    throw GqlFieldError{GqlError{message, at, code, {}}};
}

std::optional<GqlError> GqlContext::validate() const
{
    if (m_defaultError) {
        return m_defaultError;
    }
    for (const GqlVariableDefinition &def : m_operation.variables) {
        if (def.type.endsWith(u'!')
            && (!m_variables.contains(def.name) || m_variables.value(def.name).isNull())) {
            return GqlError{QStringLiteral("Variable $%1 of type %2 was provided invalid value")
                                .arg(def.name, def.type),
                            def.at,
                            QStringLiteral("INVALID_VARIABLE"),
                            {}};
        }
    }
    return checkVariables(m_operation.selections);
}

std::optional<GqlError> GqlContext::checkValue(const GqlValue &value) const
{
    if (value.kind == GqlValue::Kind::Variable) {
        for (const GqlVariableDefinition &def : m_operation.variables) {
            if (def.name == value.text) {
                return std::nullopt;
            }
        }
        return GqlError{QStringLiteral("Variable $%1 is used but not declared").arg(value.text),
                        value.at,
                        QStringLiteral("undefinedVariable"),
                        {}};
    }
    for (const GqlValue &item : value.items) {
        if (auto error = checkValue(item)) {
            return error;
        }
    }
    for (const auto &[name, field] : value.fields) {
        if (auto error = checkValue(field)) {
            return error;
        }
    }
    return std::nullopt;
}

std::optional<GqlError> GqlContext::checkVariables(const std::vector<GqlField> &fields) const
{
    for (const GqlField &field : fields) {
        for (const auto &[name, value] : field.arguments) {
            if (auto error = checkValue(value)) {
                return error;
            }
        }
        for (const GqlDirective &d : field.directives) {
            for (const auto &[name, value] : d.arguments) {
                if (auto error = checkValue(value)) {
                    return error;
                }
            }
        }
        if (auto error = checkVariables(field.selections)) {
            return error;
        }
    }
    return std::nullopt;
}

QJsonValue GqlContext::resolve(const GqlValue &value) const
{
    switch (value.kind) {
    case GqlValue::Kind::Null:
        return QJsonValue::Null;
    case GqlValue::Kind::Int: {
        bool ok = false;
        const qint64 n = value.text.toLongLong(&ok);
        if (!ok) {
            raise(QStringLiteral("Integer %1 is out of range").arg(value.text), value.at);
        }
        return QJsonValue(n);
    }
    case GqlValue::Kind::Float:
        return value.text.toDouble();
    case GqlValue::Kind::String:
    case GqlValue::Kind::Enum:
        return value.text;
    case GqlValue::Kind::Boolean:
        return value.text == u"true";
    case GqlValue::Kind::Variable:
        return m_variables.value(value.text);
    case GqlValue::Kind::List: {
        QJsonArray list;
        for (const GqlValue &item : value.items) {
            list.append(resolve(item));
        }
        return list;
    }
    case GqlValue::Kind::Object: {
        QJsonObject object;
        for (const auto &[name, field] : value.fields) {
            // An unset variable inside an input object leaves the key out, as GraphQL says.
            if (field.kind == GqlValue::Kind::Variable && !m_variables.contains(field.text)) {
                continue;
            }
            object.insert(name, resolve(field));
        }
        return object;
    }
    }
    return QJsonValue::Null;
}

QJsonObject GqlContext::arguments(const GqlField &field) const
{
    QJsonObject args;
    for (const auto &[name, value] : field.arguments) {
        if (value.kind == GqlValue::Kind::Variable && !m_variables.contains(value.text)) {
            continue;
        }
        args.insert(name, resolve(value));
    }
    return args;
}

QJsonObject GqlContext::arguments(const GqlDirective &directive) const
{
    QJsonObject args;
    for (const auto &[name, value] : directive.arguments) {
        args.insert(name, resolve(value));
    }
    return args;
}

} // namespace Ledgerdesk::Sandbox
