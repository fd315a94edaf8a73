#pragma once

#include <core/orders/order.h>
#include <core/pricing/pricebook.h>

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class OrderEntryModel;

// The rep's order entry: choose the buyer (a company location, or none for base prices), add
// lines by SKU with what each location has available and the buyer's price with its reason,
// then "Hold stock": the order is received into the queue (channel "console") and allocated in
// the local ledger. Nothing here needs a network; sending to the ERP happens later.
class OrderEntryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderEntryDialog)

public:
    static constexpr int kAvailabilityRefreshMs = 3000;

    OrderEntryDialog(Core::Store &store, const QString &actor, QWidget *parent = nullptr);
    ~OrderEntryDialog() override;

    // As a person would: choose the buyer by company location id ("" for none), add a line.
    bool setBuyer(const QString &companyLocationId);
    QString addLine(const QString &sku, qint64 quantity); // empty on success, else why not
    void setPoNumber(const QString &po);

    OrderEntryModel *model() const { return m_model; }

    QPushButton *placeButton() const { return m_place; }

    QString problemText() const;
    QString buyerText() const;
    QString totalText() const;
    QString errorText() const;
    QString whyText() const; // the selected line's price explanation

    // After "Hold stock": the order's id and what happened; 0 and empty before.
    Core::OrderId placedOrderId() const { return m_placed; }

    QString outcomeText() const { return m_outcome; }

    // Places the order; false (and errorText()) when it could not be received.
    bool place();

private:
    void buyerChosen();
    void addFromFields();
    void removeSelected();
    void updateState();
    void showWhy();
    const Core::CompanyLocationInfo *chosenLocation() const;

    Core::Store &m_store;
    QString m_actor;
    QList<Core::CompanyLocationInfo> m_locations;
    OrderEntryModel *m_model = nullptr;
    Core::OrderId m_placed = 0;
    QString m_outcome;

    QComboBox *m_buyer = nullptr;
    QLabel *m_buyerInfo = nullptr;
    QLineEdit *m_po = nullptr;
    QLineEdit *m_sku = nullptr;
    QSpinBox *m_quantity = nullptr;
    QTableView *m_lines = nullptr;
    QLabel *m_why = nullptr;
    QLabel *m_total = nullptr;
    QLabel *m_stockNote = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_place = nullptr;
    QTimer *m_live = nullptr;
};

} // namespace Ledgerdesk::Ui
