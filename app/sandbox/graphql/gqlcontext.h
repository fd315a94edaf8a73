#pragma once

#include "graphqldocument.h"

#include <QJsonObject>
#include <QJsonValue>

namespace Ledgerdesk::Sandbox {

// Raised by resolvers; the endpoint turns it into an entry of the top-level `errors`.
struct GqlFieldError
{
    GqlError error;
};

// Variables of one operation and argument resolution against them.
class GqlContext final
{
public:
    GqlContext(const GqlOperation &operation, const QJsonObject &variables);

    // Fails when a required variable is missing or a used variable is undeclared.
    std::optional<GqlError> validate() const;
    QJsonValue resolve(const GqlValue &value) const;
    QJsonObject arguments(const GqlField &field) const;
    QJsonObject arguments(const GqlDirective &directive) const;

    [[noreturn]] static void
    raise(const QString &message, GqlLocation at, const QString &code = {});

private:
    std::optional<GqlError> checkVariables(const std::vector<GqlField> &fields) const;
    std::optional<GqlError> checkValue(const GqlValue &value) const;

    const GqlOperation &m_operation;
    QJsonObject m_variables;
    std::optional<GqlError> m_defaultError; // a default value that could not be read
};

} // namespace Ledgerdesk::Sandbox
