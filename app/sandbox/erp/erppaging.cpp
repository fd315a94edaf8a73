#include "erppaging.h"

namespace Ledgerdesk::Sandbox {

ErpPage ErpPaging::read(const QUrlQuery &query)
{
    ErpPage page;
    for (const auto &[name, target] : {std::pair{QStringLiteral("limit"), &page.limit},
                                       std::pair{QStringLiteral("offset"), &page.offset}}) {
        if (!query.hasQueryItem(name)) {
            continue;
        }
        bool ok = false;
        *target = query.queryItemValue(name).toLongLong(&ok);
        if (!ok) {
            page.error = tr("%1 must be a whole number.").arg(name);
            return page;
        }
    }
    if (page.limit < 1 || page.limit > kMaxLimit) {
        page.error = tr("limit must be between 1 and %1.").arg(kMaxLimit);
    } else if (page.offset < 0) {
        page.error = tr("offset cannot be negative.");
    }
    return page;
}

QJsonObject ErpPaging::link(const QString &rel, const QString &href)
{
    return {{QStringLiteral("rel"), rel}, {QStringLiteral("href"), href}};
}

QJsonObject ErpPaging::envelope(const QJsonArray &all, const ErpPage &page, const QString &href)
{
    const qint64 total = all.size();
    QJsonArray items;
    for (qint64 i = page.offset; i < qMin(total, page.offset + page.limit); ++i) {
        items.append(all.at(i));
    }
    const auto at = [&href, &page](qint64 offset) -> QString {
        return href + QStringLiteral("?limit=%1&offset=%2").arg(page.limit).arg(offset);
    };
    const bool hasMore = page.offset + page.limit < total;
    const qint64 lastOffset = total == 0 ? 0 : ((total - 1) / page.limit) * page.limit;
    QJsonArray links;
    if (page.offset > 0) {
        links.append(
            link(QStringLiteral("previous"), at(qMax<qint64>(0, page.offset - page.limit))));
    }
    links.append(link(QStringLiteral("first"), at(0)));
    if (hasMore) {
        links.append(link(QStringLiteral("next"), at(page.offset + page.limit)));
    }
    links.append(link(QStringLiteral("last"), at(lastOffset)));
    links.append(link(QStringLiteral("self"), at(page.offset)));
    return {{QStringLiteral("links"), links},
            {QStringLiteral("count"), items.size()},
            {QStringLiteral("hasMore"), hasMore},
            {QStringLiteral("items"), items},
            {QStringLiteral("offset"), page.offset},
            {QStringLiteral("totalResults"), total}};
}

} // namespace Ledgerdesk::Sandbox
