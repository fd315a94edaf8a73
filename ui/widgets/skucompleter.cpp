#include "skucompleter.h"

#include <core/catalog/globalsearch.h>

#include <QLineEdit>
#include <QStringListModel>

namespace Ledgerdesk::Ui {

SkuCompleter::SkuCompleter(Core::Store &store, QLineEdit *field)
    : QCompleter(field)
    , m_store(store)
    , m_suggestions(new QStringListModel(this))
{
    setModel(m_suggestions);
    setCaseSensitivity(Qt::CaseInsensitive);
    field->setCompleter(this);
    connect(field, &QLineEdit::textEdited, this, &SkuCompleter::suggest);
}

SkuCompleter::~SkuCompleter() = default;

void SkuCompleter::suggest(const QString &text)
{
    // One character matches half the catalogue; two narrow it to something worth showing.
    if (text.trimmed().size() < 2) {
        return;
    }
    const auto hits = Core::GlobalSearch(m_store).search(text.trimmed(), kSuggestions);
    if (!hits) {
        return;
    }
    QStringList skus;
    for (const Core::SearchHit &hit : hits.value()) {
        if (hit.kind == Core::SearchKind::Sku || hit.kind == Core::SearchKind::Barcode) {
            skus << hit.key;
        }
    }
    m_suggestions->setStringList(skus);
}

} // namespace Ledgerdesk::Ui
