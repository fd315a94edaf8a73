#pragma once

#include <core/pricing/pricebook.h>

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

// Buyer + SKU + quantity → the unit price, the total and which rule produced them, through
// PriceBook::quote. A quantity that breaks the list's rule is shown with the nearest allowed one.
class QuoteCalculator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuoteCalculator)

public:
    explicit QuoteCalculator(Core::Store &store, QWidget *parent = nullptr);

    // Re-reads the company locations offered as buyers.
    void setLocations(const QList<Core::CompanyLocationInfo> &locations);

    // As a person would; each quotes again at once.
    bool setBuyer(const QString &companyLocationId); // "" for no company
    void setSku(const QString &sku);
    void setQuantity(qint64 quantity);
    void focusSku();

    const std::optional<Core::Quote> &quote() const { return m_quote; }

    QString unitPriceText() const;
    QString totalText() const;
    QString explanationText() const;
    QString problemText() const;

    QPushButton *useNearestButton() const { return m_useNearest; }

private:
    void recalculate();

    Core::Store &m_store;
    std::optional<Core::Quote> m_quote;
    qint64 m_nearest = 0;

    QComboBox *m_buyer = nullptr;
    QLineEdit *m_sku = nullptr;
    QSpinBox *m_quantity = nullptr;
    QLabel *m_unitPrice = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_useNearest = nullptr;
};

} // namespace Ledgerdesk::Ui
