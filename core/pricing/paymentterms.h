#pragma once

#include <core/error.h>

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <optional>

namespace Ledgerdesk::Core {

// When an invoice is due: NET n days after issue, on receipt, on fulfilment, or on a fixed date.
class PaymentTerms final
{
    Q_DECLARE_TR_FUNCTIONS(PaymentTerms)

public:
    enum class Type { Net, Receipt, Fulfillment, Fixed };

    enum class Standing { NotYetDue, Due, Overdue, Paid, AwaitingFulfillment };

    static PaymentTerms net(int days);
    static PaymentTerms onReceipt();
    static PaymentTerms onFulfillment();
    static PaymentTerms fixedDate(QDate due);
    // Shopify's paymentTermsType ("NET", "RECEIPT", "FULFILLMENT", "FIXED") with dueInDays for
    // NET and the due date for FIXED.
    static Result<PaymentTerms> fromShopify(const QString &type, int dueInDays, QDate fixedDue);

    Type type() const { return m_type; }

    int dueInDays() const { return m_days; }

    // No date while a fulfilment-due order is unfulfilled.
    std::optional<QDate> dueDate(QDate issued, std::optional<QDate> fulfilled = {}) const;
    Standing standing(QDate today,
                      QDate issued,
                      std::optional<QDate> fulfilled = {},
                      std::optional<QDate> paid = {}) const;
    QString describe() const; // "Net 30", "Due on receipt" …

private:
    Type m_type = Type::Receipt;
    int m_days = 0;
    QDate m_fixed;
};

} // namespace Ledgerdesk::Core
