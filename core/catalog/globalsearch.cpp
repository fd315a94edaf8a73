#include "globalsearch.h"

#include <core/store/prefixmatch.h>
#include <core/store/sql.h>
#include <core/store/store.h>

#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace Ledgerdesk::Core {

namespace {

// How many rows a "words inside" scan reads before it stops; ranking picks the best of them.
constexpr int kScanCap = 200;

Result<QSqlQuery> select(QSqlDatabase db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        return storageError(q, QStringLiteral("search"));
    }
    for (const QVariant &v : values) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        return storageError(q, QStringLiteral("search"));
    }
    return q;
}

// Where `needle` sits in `haystack`: 0 the whole, 1 a prefix, 2 a word start, 3 elsewhere.
int matchRank(const QString &haystack, const QString &needle)
{
    if (haystack.compare(needle, Qt::CaseInsensitive) == 0) {
        return 0;
    }
    const qsizetype at = haystack.indexOf(needle, 0, Qt::CaseInsensitive);
    if (at == 0) {
        return 1;
    }
    if (at > 0 && !haystack.at(at - 1).isLetterOrNumber()) {
        return 2;
    }
    return 3;
}

void appendRanked(QList<std::pair<int, SearchHit>> ranked, int limit, QList<SearchHit> &hits)
{
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second.text < b.second.text;
    });
    for (qsizetype i = 0; i < ranked.size() && i < limit; ++i) {
        hits << ranked.at(i).second;
    }
}

QString optionsText(const QString &option1, const QString &option2)
{
    if (option1.isEmpty() || option2.isEmpty()) {
        return option1 + option2;
    }
    return option1 + QStringLiteral(" / ") + option2;
}

} // namespace

GlobalSearch::GlobalSearch(Store &store)
    : m_store(store)
{}

QString GlobalSearch::kindKey(SearchKind kind)
{
    switch (kind) {
    case SearchKind::Sku:
        return QStringLiteral("sku");
    case SearchKind::Barcode:
        return QStringLiteral("barcode");
    case SearchKind::Style:
        return QStringLiteral("style");
    case SearchKind::Location:
        return QStringLiteral("location");
    case SearchKind::Order:
        return QStringLiteral("order");
    case SearchKind::Company:
        return QStringLiteral("company");
    case SearchKind::Exception:
        return QStringLiteral("exception");
    }
    return {};
}

QString GlobalSearch::kindTitle(SearchKind kind)
{
    switch (kind) {
    case SearchKind::Sku:
        return tr("SKUs");
    case SearchKind::Barcode:
        return tr("Barcodes");
    case SearchKind::Style:
        return tr("Styles");
    case SearchKind::Location:
        return tr("Locations");
    case SearchKind::Order:
        return tr("Orders");
    case SearchKind::Company:
        return tr("Companies");
    case SearchKind::Exception:
        return tr("Open exceptions");
    }
    return {};
}

Result<QList<SearchHit>> GlobalSearch::search(const QString &text, int perKind)
{
    const QString needle = text.trimmed().left(kMaxTextLength);
    QList<SearchHit> hits;
    if (needle.isEmpty() || perKind <= 0) {
        return hits;
    }
    for (const auto find : {&GlobalSearch::findSkus,
                            &GlobalSearch::findBarcodes,
                            &GlobalSearch::findStyles,
                            &GlobalSearch::findLocations,
                            &GlobalSearch::findOrders,
                            &GlobalSearch::findCompanies,
                            &GlobalSearch::findExceptions}) {
        if (const Status found = (this->*find)(needle, perKind, hits); !found) {
            return found.error();
        }
    }
    return hits;
}

Status GlobalSearch::findSkus(const QString &text, int limit, QList<SearchHit> &hits)
{
    // SKUs are mostly upper case and people type lower case: both spellings are asked.
    QStringList spellings = {text};
    if (text.toUpper() != text) {
        spellings << text.toUpper();
    }
    QList<std::pair<int, SearchHit>> ranked;
    QSet<qint64> seen;
    for (const QString &spelling : spellings) {
        const SqlCondition c = prefixMatch(m_store.dialect(), QStringLiteral("v.sku"), spelling);
        auto q = select(m_store.connection(),
                        QStringLiteral("SELECT v.id, v.sku, s.title, v.option1_value, "
                                       "v.option2_value FROM variants v JOIN styles s ON s.id = "
                                       "v.style_id WHERE ")
                            + c.sql + QStringLiteral(" ORDER BY v.sku LIMIT ?"),
                        c.values + QVariantList{limit});
        if (!q) {
            return q.error();
        }
        while (q.value().next()) {
            const QSqlQuery &r = q.value();
            const qint64 id = r.value(0).toLongLong();
            if (seen.contains(id)) {
                continue;
            }
            seen.insert(id);
            SearchHit hit{SearchKind::Sku, r.value(1).toString(), r.value(1).toString(), {}, id};
            const QString options = optionsText(r.value(3).toString(), r.value(4).toString());
            hit.detail = options.isEmpty()
                             ? r.value(2).toString()
                             : r.value(2).toString() + QStringLiteral(" · ") + options;
            // An exact SKU first, then the rest in SKU order (the query's order).
            ranked.append({hit.text.compare(text, Qt::CaseInsensitive) == 0 ? 0 : 1, hit});
        }
    }
    appendRanked(ranked, limit, hits);
    return success();
}

Status GlobalSearch::findBarcodes(const QString &text, int limit, QList<SearchHit> &hits)
{
    auto q = select(m_store.connection(),
                    QStringLiteral("SELECT v.id, v.barcode, v.sku, s.title FROM variants v JOIN "
                                   "styles s ON s.id = v.style_id WHERE v.barcode = ? ORDER BY "
                                   "v.sku LIMIT ?"),
                    {text, limit});
    if (!q) {
        return q.error();
    }
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        hits << SearchHit{SearchKind::Barcode,
                          r.value(1).toString(),
                          r.value(1).toString(),
                          r.value(2).toString() + QStringLiteral(" · ") + r.value(3).toString(),
                          r.value(0).toLongLong()};
    }
    return success();
}

Status GlobalSearch::findStyles(const QString &text, int limit, QList<SearchHit> &hits)
{
    const QString lower = text.toLower();
    QList<std::pair<int, SearchHit>> ranked;
    QSet<qint64> seen;
    const auto take = [&](QSqlQuery &r) {
        while (r.next()) {
            const qint64 id = r.value(0).toLongLong();
            if (seen.contains(id)) {
                continue;
            }
            seen.insert(id);
            const QString handle = r.value(1).toString();
            const QString title = r.value(2).toString();
            const int rank = std::min(matchRank(handle, text), matchRank(title, text));
            ranked.append({rank, SearchHit{SearchKind::Style, handle, title, handle, id}});
        }
    };
    // Handles by prefix through their unique index; then words inside titles, in a scan that
    // stops after a few hundred matches.
    const SqlCondition c = prefixMatch(m_store.dialect(), QStringLiteral("handle"), lower);
    auto byHandle = select(m_store.connection(),
                           QStringLiteral("SELECT id, handle, title FROM styles WHERE ") + c.sql
                               + QStringLiteral(" ORDER BY handle LIMIT ?"),
                           c.values + QVariantList{limit});
    if (!byHandle) {
        return byHandle.error();
    }
    take(byHandle.value());
    if (text.size() >= 2) {
        auto byTitle = select(m_store.connection(),
                              QStringLiteral("SELECT id, handle, title FROM styles WHERE "
                                             "LOWER(title) LIKE ? ESCAPE '\\' LIMIT ?"),
                              {QString(u'%' + escapeLike(lower) + u'%'), kScanCap});
        if (!byTitle) {
            return byTitle.error();
        }
        take(byTitle.value());
    }
    appendRanked(ranked, limit, hits);
    return success();
}

Status GlobalSearch::findLocations(const QString &text, int limit, QList<SearchHit> &hits)
{
    const QString pattern = u'%' + escapeLike(text.toLower()) + u'%';
    auto q = select(m_store.connection(),
                    QStringLiteral("SELECT id, code, name, kind FROM locations WHERE LOWER(code) "
                                   "LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\' LIMIT ?"),
                    {pattern, pattern, kScanCap});
    if (!q) {
        return q.error();
    }
    QList<std::pair<int, SearchHit>> ranked;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        const QString code = r.value(1).toString();
        const QString name = r.value(2).toString();
        const int rank = std::min(matchRank(code, text), matchRank(name, text) + 1);
        ranked.append(
            {rank, SearchHit{SearchKind::Location, code, code, name, r.value(0).toLongLong()}});
    }
    appendRanked(ranked, limit, hits);
    return success();
}

Status GlobalSearch::findOrders(const QString &text, int limit, QList<SearchHit> &hits)
{
    // Newest first through the key, stopping after a few hundred matches.
    const QString pattern = u'%' + escapeLike(text.toLower()) + u'%';
    auto q = select(m_store.connection(),
                    QStringLiteral("SELECT id, name, external_ref, po_number, channel, company, "
                                   "state FROM orders WHERE LOWER(name) LIKE ? ESCAPE '\\' OR "
                                   "LOWER(external_ref) LIKE ? ESCAPE '\\' OR LOWER(po_number) "
                                   "LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ?"),
                    {pattern, pattern, pattern, kScanCap});
    if (!q) {
        return q.error();
    }
    QList<std::pair<int, SearchHit>> ranked;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        const qint64 id = r.value(0).toLongLong();
        const QString name = r.value(1).toString();
        const int rank = std::min({matchRank(name, text),
                                   matchRank(r.value(2).toString(), text),
                                   matchRank(r.value(3).toString(), text)});
        QStringList detail = {r.value(4).toString()};
        if (const QString company = r.value(5).toString(); !company.isEmpty()) {
            detail << company;
        }
        detail << r.value(6).toString();
        ranked.append({std::min(rank, 1),
                       SearchHit{SearchKind::Order,
                                 QString::number(id),
                                 name,
                                 detail.join(QStringLiteral(" · ")),
                                 id}});
    }
    // Exact and leading matches first, each group newest first (the query's order).
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.first < b.first;
    });
    for (qsizetype i = 0; i < ranked.size() && i < limit; ++i) {
        hits << ranked.at(i).second;
    }
    return success();
}

Status GlobalSearch::findCompanies(const QString &text, int limit, QList<SearchHit> &hits)
{
    auto q = select(m_store.connection(),
                    QStringLiteral("SELECT company, COUNT(*) FROM orders WHERE company <> '' AND "
                                   "LOWER(company) LIKE ? ESCAPE '\\' GROUP BY company ORDER BY "
                                   "company LIMIT ?"),
                    {QString(u'%' + escapeLike(text.toLower()) + u'%'), kScanCap});
    if (!q) {
        return q.error();
    }
    QList<std::pair<int, SearchHit>> ranked;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        const QString company = r.value(0).toString();
        ranked.append({matchRank(company, text),
                       SearchHit{SearchKind::Company,
                                 company,
                                 company,
                                 tr("%n order(s)", nullptr, r.value(1).toInt()),
                                 0}});
    }
    appendRanked(ranked, limit, hits);
    return success();
}

Status GlobalSearch::findExceptions(const QString &text, int limit, QList<SearchHit> &hits)
{
    // Unresolved exceptions are few and found through the state index; the key holds the SKU or
    // the reference, e.g. "FJ-NAVY-M@WH-EAST:on_hand".
    auto q = select(m_store.connection(),
                    QStringLiteral("SELECT id, system, entity, entity_key, error_text FROM "
                                   "sync_exceptions WHERE state IN ('open', 'acknowledged') AND "
                                   "LOWER(entity_key) LIKE ? ESCAPE '\\' ORDER BY created_at DESC "
                                   "LIMIT ?"),
                    {QString(u'%' + escapeLike(text.toLower()) + u'%'), kScanCap});
    if (!q) {
        return q.error();
    }
    QList<std::pair<int, SearchHit>> ranked;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        const qint64 id = r.value(0).toLongLong();
        const QString key = r.value(3).toString();
        QString detail
            = tr("#%1 · %2 %3").arg(id).arg(r.value(1).toString(), r.value(2).toString());
        if (const QString error = r.value(4).toString(); !error.isEmpty()) {
            detail += QStringLiteral(" · ") + error;
        }
        // Newest first within a rank: the query's order, kept by the stable sort.
        const int rank = matchRank(key, text) <= 1 ? 0 : 1;
        SearchHit hit{SearchKind::Exception, QString::number(id), key, detail, id};
        ranked.append({rank, hit});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.first < b.first;
    });
    for (qsizetype i = 0; i < ranked.size() && i < limit; ++i) {
        hits << ranked.at(i).second;
    }
    return success();
}

} // namespace Ledgerdesk::Core
