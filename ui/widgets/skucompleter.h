#pragma once

#include <QCompleter>

class QLineEdit;
class QStringListModel;

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

// Offers the catalogue's SKUs (found by SKU or barcode) under a line edit as the user types.
class SkuCompleter final : public QCompleter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SkuCompleter)

public:
    static constexpr int kSuggestions = 12;

    // Installs itself on `field`.
    SkuCompleter(Core::Store &store, QLineEdit *field);
    ~SkuCompleter() override;

private:
    void suggest(const QString &text);

    Core::Store &m_store;
    QStringListModel *m_suggestions = nullptr;
};

} // namespace Ledgerdesk::Ui
