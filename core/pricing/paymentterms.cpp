#include "paymentterms.h"

namespace Ledgerdesk::Core {

PaymentTerms PaymentTerms::net(int days)
{
    PaymentTerms terms;
    terms.m_type = Type::Net;
    terms.m_days = days;
    return terms;
}

PaymentTerms PaymentTerms::onReceipt()
{
    return {};
}

PaymentTerms PaymentTerms::onFulfillment()
{
    PaymentTerms terms;
    terms.m_type = Type::Fulfillment;
    return terms;
}

PaymentTerms PaymentTerms::fixedDate(QDate due)
{
    PaymentTerms terms;
    terms.m_type = Type::Fixed;
    terms.m_fixed = due;
    return terms;
}

Result<PaymentTerms> PaymentTerms::fromShopify(const QString &type, int dueInDays, QDate fixedDue)
{
    if (type == u"NET") {
        if (dueInDays < 0 || dueInDays > 3650) {
            return makeError(ErrorCode::Validation,
                             tr("NET terms need a number of days, not %1").arg(dueInDays));
        }
        return net(dueInDays);
    }
    if (type == u"RECEIPT") {
        return onReceipt();
    }
    if (type == u"FULFILLMENT") {
        return onFulfillment();
    }
    if (type == u"FIXED") {
        if (!fixedDue.isValid()) {
            return makeError(ErrorCode::Validation, tr("fixed-date terms need a due date"));
        }
        return fixedDate(fixedDue);
    }
    return makeError(ErrorCode::Validation, tr("unknown payment terms \"%1\"").arg(type));
}

std::optional<QDate> PaymentTerms::dueDate(QDate issued, std::optional<QDate> fulfilled) const
{
    switch (m_type) {
    case Type::Net:
        return issued.addDays(m_days);
    case Type::Receipt:
        return issued;
    case Type::Fulfillment:
        return fulfilled;
    case Type::Fixed:
        return m_fixed;
    }
    return std::nullopt;
}

PaymentTerms::Standing PaymentTerms::standing(QDate today,
                                              QDate issued,
                                              std::optional<QDate> fulfilled,
                                              std::optional<QDate> paid) const
{
    if (paid) {
        return Standing::Paid;
    }
    const auto due = dueDate(issued, fulfilled);
    if (!due) {
        return Standing::AwaitingFulfillment;
    }
    if (today < *due) {
        return Standing::NotYetDue;
    }
    return today == *due ? Standing::Due : Standing::Overdue;
}

QString PaymentTerms::describe() const
{
    switch (m_type) {
    case Type::Net:
        return tr("Net %1").arg(m_days);
    case Type::Receipt:
        return tr("Due on receipt");
    case Type::Fulfillment:
        return tr("Due on fulfilment");
    case Type::Fixed:
        return tr("Due on %1").arg(m_fixed.toString(Qt::ISODate));
    }
    return {};
}

} // namespace Ledgerdesk::Core
