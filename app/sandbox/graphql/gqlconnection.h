#pragma once

#include "gqlobject.h"

#include <functional>

namespace Ledgerdesk::Sandbox {

// Relay-style cursor pagination over a list already filtered and sorted by the caller.
class GqlConnection final
{
public:
    static constexpr int kMaxPageSize = 250;

    using IdAt = std::function<qint64(int index)>;
    using NodeAt = std::function<GqlObject(int index)>;

    // The list is ordered by (sort value, id), descending when `descending`; without valueAt the
    // sort value is the id. Cursors carry both, so paging resumes correctly when the item the
    // cursor names has since moved (e.g. an order updated between two pages).
    static QJsonObject build(const GqlField &field,
                             const QJsonObject &args,
                             const GqlContext &context,
                             int count,
                             const IdAt &idAt,
                             const NodeAt &nodeAt,
                             const IdAt &valueAt = {},
                             bool descending = false);

    struct Cursor
    {
        qint64 id = 0;
        qint64 value = 0;
    };

    static QString cursorFor(qint64 id, qint64 value);
    static std::optional<Cursor> parseCursor(const QString &cursor);
};

} // namespace Ledgerdesk::Sandbox
