#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Ledgerdesk::Sandbox {

// The subset of Shopify's search syntax the connectors use in `query:` arguments, e.g.
// "updated_at:>'2026-01-01T00:00:00Z' AND sku:FJ100-NAV-M". Terms are ANDed.
class SearchQuery final
{
public:
    struct Term
    {
        QString field;
        QString op; // ":", ">", ">=", "<", "<="
        QString value;
    };

    static std::optional<SearchQuery> parse(const QString &text, QString *error);

    // Reads a field of a candidate as text; time fields must be UTC milliseconds as text.
    using FieldReader = std::function<std::optional<QString>(const QString &field)>;
    bool matches(const FieldReader &reader) const;

    const QList<Term> &terms() const { return m_terms; }

private:
    QList<Term> m_terms;
};

} // namespace Ledgerdesk::Sandbox
