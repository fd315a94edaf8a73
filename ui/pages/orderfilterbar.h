#pragma once

#include <core/orders/orderbook.h>

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QTimer;

namespace Ledgerdesk::Ui {

// Channel, state, company and issue dates for the order queue. The company text applies a
// moment after typing stops; the rest at once.
class OrderFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderFilterBar)

public:
    static constexpr int kTypingDelayMs = 250;

    explicit OrderFilterBar(QWidget *parent = nullptr);

    Core::OrderFilter filter() const;
    void focusCompany();

    // Set a filter as a person would; each applies at once.
    void setChannel(const QString &channel);
    void setState(std::optional<Core::OrderState> state);
    void setCompany(const QString &company);
    void setIssuedBetween(QDate from, QDate to); // invalid dates clear a bound

signals:
    void filterChanged(const Ledgerdesk::Core::OrderFilter &filter);

private:
    void apply();

    QComboBox *m_channel = nullptr;
    QComboBox *m_state = nullptr;
    QLineEdit *m_company = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QTimer *m_typing = nullptr;
};

} // namespace Ledgerdesk::Ui
