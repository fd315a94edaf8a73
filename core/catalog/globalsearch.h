#pragma once

#include <core/error.h>

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Ledgerdesk::Core {

class Store;

// What a hit of the global search points at. Results come grouped in this order.
enum class SearchKind { Sku, Barcode, Style, Location, Order, Company, Exception };

struct SearchHit
{
    SearchKind kind = SearchKind::Sku;
    QString key;    // what the console navigates with: SKU, barcode, handle, code, order or
                    // exception id, company name
    QString text;   // the line shown, e.g. "FJ-NAVY-M"
    QString detail; // the second line, e.g. "Field Jacket · Navy / M"
    qint64 id = 0;  // the row's id in its table
};

// One call for the console's search field: SKUs by prefix, barcodes exactly, styles by handle
// prefix or title words, locations, orders by name, reference or PO number, the companies that
// ordered, and unresolved exceptions by SKU or reference. Each kind is
// read through an index or a scan that stops after a few rows, so a keystroke costs
// milliseconds even on a million balances.
class GlobalSearch final
{
    Q_DECLARE_TR_FUNCTIONS(GlobalSearch)

public:
    static constexpr int kDefaultPerKind = 6;
    static constexpr int kMaxTextLength = 100;

    explicit GlobalSearch(Store &store);

    // Up to `perKind` hits of each kind, grouped by kind, best first within a kind (an exact
    // SKU, handle or code before prefixes, prefixes before words found inside a title).
    Result<QList<SearchHit>> search(const QString &text, int perKind = kDefaultPerKind);

    static QString kindKey(SearchKind kind); // "sku", "barcode", "style", "location", "order", …
    static QString kindTitle(SearchKind kind);

private:
    Status findSkus(const QString &text, int limit, QList<SearchHit> &hits);
    Status findBarcodes(const QString &text, int limit, QList<SearchHit> &hits);
    Status findStyles(const QString &text, int limit, QList<SearchHit> &hits);
    Status findLocations(const QString &text, int limit, QList<SearchHit> &hits);
    Status findOrders(const QString &text, int limit, QList<SearchHit> &hits);
    Status findCompanies(const QString &text, int limit, QList<SearchHit> &hits);
    Status findExceptions(const QString &text, int limit, QList<SearchHit> &hits);

    Store &m_store;
};

} // namespace Ledgerdesk::Core

Q_DECLARE_METATYPE(Ledgerdesk::Core::SearchHit)
