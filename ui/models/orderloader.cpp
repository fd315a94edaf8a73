#include "orderloader.h"

#include <core/pricing/pricebook.h>

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QThread>

Q_LOGGING_CATEGORY(lcOrderLoader, "ledgerdesk.ui.orders")

namespace Ledgerdesk::Ui {

namespace {

QDate localDay(Core::UtcMillis at)
{
    return QDateTime::fromMSecsSinceEpoch(at).date();
}

bool hasShipped(Core::OrderState state)
{
    using S = Core::OrderState;
    return state == S::Shipped || state == S::Invoiced || state == S::Paid || state == S::Returned;
}

std::optional<QDate> shippedOn(Core::Store &store, Core::OrderId id)
{
    const auto events = Core::OrderBook(store).history(id);
    if (!events) {
        return std::nullopt;
    }
    for (const Core::OrderEvent &event : events.value()) {
        if (event.to == Core::OrderState::Shipped) {
            return localDay(event.at);
        }
    }
    return std::nullopt;
}

} // namespace

OrderLoader::OrderLoader(Core::Store &store)
    : m_store(store)
{}

OrderLoader::~OrderLoader() = default;

std::optional<Core::PaymentTerms> OrderLoader::termsFromText(const QString &text)
{
    static const QRegularExpression net(QStringLiteral("^net\\s*(\\d{1,4})$"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression fixed(QStringLiteral("^due on (\\d{4}-\\d{2}-\\d{2})$"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QString t = text.trimmed();
    if (const auto m = net.match(t); m.hasMatch()) {
        return Core::PaymentTerms::net(m.captured(1).toInt());
    }
    if (const auto m = fixed.match(t); m.hasMatch()) {
        const QDate due = QDate::fromString(m.captured(1), Qt::ISODate);
        if (due.isValid()) {
            return Core::PaymentTerms::fixedDate(due);
        }
    }
    if (t.contains(QStringLiteral("receipt"), Qt::CaseInsensitive)) {
        return Core::PaymentTerms::onReceipt();
    }
    if (t.contains(QStringLiteral("fulfil"), Qt::CaseInsensitive)) {
        return Core::PaymentTerms::onFulfillment();
    }
    return std::nullopt;
}

std::optional<QDate> OrderLoader::dueDateOf(const Core::Order &order,
                                            const std::optional<Core::PaymentTerms> &terms,
                                            std::optional<QDate> shipped)
{
    if (order.dueDate) {
        return order.dueDate;
    }
    if (!terms) {
        return std::nullopt;
    }
    return terms->dueDate(localDay(order.issuedAt), shipped);
}

void OrderLoader::load(const OrderLoadRequest &request)
{
    if (QThread::currentThread()->isInterruptionRequested()) {
        return;
    }
    OrderLoadResult result;
    result.generation = request.generation;
    Core::OrderBook book(m_store);
    const auto listed = book.list(request.filter);
    if (!listed) {
        result.error = listed.error().message;
        emit loaded(result);
        return;
    }
    // A location's own terms win over the text the channel sent with the order.
    QHash<QString, Core::CompanyLocationInfo> locations;
    if (const auto read = Core::PriceBook(m_store).companyLocations(); read) {
        for (const Core::CompanyLocationInfo &info : read.value()) {
            locations.insert(info.id, info);
        }
    } else {
        qCDebug(lcOrderLoader) << "company locations unread:" << read.error().message;
    }
    result.rows.reserve(listed.value().size());
    for (const Core::Order &listedOrder : listed.value()) {
        if (QThread::currentThread()->isInterruptionRequested()) {
            return;
        }
        const auto full = book.get(listedOrder.id);
        if (!full) {
            result.error = full.error().message;
            break;
        }
        if (!full.value()) {
            continue; // gone since the list was read
        }
        OrderRow row;
        row.order = *full.value();
        row.locationName = row.order.companyLocation;
        if (const auto it = locations.constFind(row.order.companyLocation);
            !row.order.companyLocation.isEmpty() && it != locations.constEnd()) {
            row.locationName = it->name;
            if (!it->paymentTermsName.isEmpty()) {
                row.terms = it->terms;
            }
        }
        if (!row.terms) {
            row.terms = termsFromText(row.order.paymentTerms);
        }
        std::optional<QDate> shipped;
        if (row.terms && row.terms->type() == Core::PaymentTerms::Type::Fulfillment
            && !row.order.dueDate && hasShipped(row.order.state)) {
            shipped = shippedOn(m_store, row.order.id);
        }
        row.due = dueDateOf(row.order, row.terms, shipped);
        result.rows << row;
    }
    for (const Core::OrderState state : {Core::OrderState::New, Core::OrderState::Backordered}) {
        Core::OrderFilter waiting;
        waiting.state = state;
        waiting.limit = kActionCountLimit;
        const auto count = book.list(waiting);
        if (count) {
            result.needingAction += count.value().size();
            result.needingActionCapped
                = result.needingActionCapped || count.value().size() >= kActionCountLimit;
        }
    }
    emit loaded(result);
}

} // namespace Ledgerdesk::Ui
