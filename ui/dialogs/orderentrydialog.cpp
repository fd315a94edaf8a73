#include "orderentrydialog.h"

#include <core/orders/orderallocator.h>
#include <core/orders/orderbook.h>
#include <core/sync/outbox.h>
#include <ui/models/orderentrymodel.h>
#include <ui/theme.h>
#include <ui/widgets/skucompleter.h>

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

namespace {

qint64 pendingToErp(Core::Store &store)
{
    const auto backlog = Core::Outbox(store).backlog(QStringLiteral("erp"));
    return backlog ? backlog.value().pending : 0;
}

} // namespace

OrderEntryDialog::OrderEntryDialog(Core::Store &store, const QString &actor, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_actor(actor)
    , m_model(new OrderEntryModel(store, this))
    , m_live(new QTimer(this))
{
    setWindowTitle(tr("New order"));
    m_buyer = new QComboBox(this);
    m_buyer->setObjectName(QStringLiteral("buyer"));
    m_buyer->addItem(tr("No company — base prices"), QString());
    const auto locations = Core::PriceBook(store).companyLocations();
    if (locations) {
        m_locations = locations.value();
    }
    for (const Core::CompanyLocationInfo &info : std::as_const(m_locations)) {
        m_buyer->addItem(tr("%1 — %2").arg(info.companyName, info.name), info.id);
    }
    m_buyerInfo = new QLabel(this);
    m_buyerInfo->setObjectName(QStringLiteral("buyerInfo"));
    m_po = new QLineEdit(this);
    m_po->setObjectName(QStringLiteral("po"));
    m_po->setPlaceholderText(tr("Buyer's purchase order number (optional)"));

    m_sku = new QLineEdit(this);
    m_sku->setObjectName(QStringLiteral("sku"));
    m_sku->setPlaceholderText(tr("SKU"));
    new SkuCompleter(m_store, m_sku);
    m_quantity = new QSpinBox(this);
    m_quantity->setObjectName(QStringLiteral("quantity"));
    m_quantity->setRange(1, 1'000'000);
    m_quantity->setAccessibleName(tr("Quantity"));
    auto *add = new QPushButton(tr("&Add line"), this);
    add->setObjectName(QStringLiteral("addLine"));
    add->setAutoDefault(false);
    auto *remove = new QPushButton(tr("&Remove line"), this);
    remove->setObjectName(QStringLiteral("removeLine"));
    remove->setAutoDefault(false);
    auto *entry = new QHBoxLayout;
    entry->addWidget(m_sku, 2);
    entry->addWidget(new QLabel(tr("Qty"), this));
    entry->addWidget(m_quantity);
    entry->addWidget(add);
    entry->addStretch(1);
    entry->addWidget(remove);

    m_lines = new QTableView(this);
    m_lines->setObjectName(QStringLiteral("lines"));
    m_lines->setModel(m_model);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lines->setSelectionMode(QAbstractItemView::SingleSelection);
    m_lines->verticalHeader()->hide();
    m_lines->setWordWrap(false);
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lines->horizontalHeader()->setSectionResizeMode(OrderEntryModel::RuleColumn,
                                                      QHeaderView::Stretch);
    m_lines->setAccessibleName(tr("Order lines"));

    m_why = new QLabel(this);
    m_why->setObjectName(QStringLiteral("why"));
    m_why->setWordWrap(true);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("total"));
    m_stockNote = new QLabel(this);
    m_stockNote->setWordWrap(true);
    m_stockNote->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::lowStockText().name()));
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(m_problems->styleSheet());
    // Without the companies a rep can still sell at base prices; say why the list is short.
    m_error->setText(
        locations ? QString()
                  : tr("The companies could not be read: %1").arg(locations.error().message));
    m_error->setVisible(!locations);

    auto *buttons = new QDialogButtonBox(this);
    m_place = buttons->addButton(tr("&Hold stock"), QDialogButtonBox::AcceptRole);
    m_place->setObjectName(QStringLiteral("place"));
    buttons->addButton(QDialogButtonBox::Cancel);

    auto *form = new QFormLayout;
    form->addRow(tr("&Buyer:"), m_buyer);
    form->addRow(QString(), m_buyerInfo);
    form->addRow(tr("&PO number:"), m_po);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(entry);
    layout->addWidget(m_lines, 1);
    layout->addWidget(m_why);
    layout->addWidget(m_total);
    layout->addWidget(m_stockNote);
    layout->addWidget(m_problems);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(1100, 560);

    connect(m_buyer, &QComboBox::currentIndexChanged, this, &OrderEntryDialog::buyerChosen);
    connect(add, &QPushButton::clicked, this, &OrderEntryDialog::addFromFields);
    connect(m_sku, &QLineEdit::returnPressed, this, &OrderEntryDialog::addFromFields);
    connect(remove, &QPushButton::clicked, this, &OrderEntryDialog::removeSelected);
    connect(m_place, &QPushButton::clicked, this, &OrderEntryDialog::place);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (const auto signal :
         {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, &OrderEntryDialog::updateState);
    }
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OrderEntryDialog::updateState);
    connect(m_lines->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &OrderEntryDialog::showWhy);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OrderEntryDialog::showWhy);
    // A new line becomes the one explained.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int row) {
        m_lines->selectRow(row);
    });
    // Availability stays live while the rep works: other channels keep selling.
    m_live->setInterval(kAvailabilityRefreshMs);
    connect(m_live, &QTimer::timeout, m_model, &OrderEntryModel::refreshAvailability);
    m_live->start();
    buyerChosen();
}

OrderEntryDialog::~OrderEntryDialog() = default;

const Core::CompanyLocationInfo *OrderEntryDialog::chosenLocation() const
{
    const QString id = m_buyer->currentData().toString();
    for (const Core::CompanyLocationInfo &info : m_locations) {
        if (info.id == id) {
            return &info;
        }
    }
    return nullptr;
}

bool OrderEntryDialog::setBuyer(const QString &companyLocationId)
{
    const int index = m_buyer->findData(companyLocationId);
    if (index < 0) {
        return false;
    }
    m_buyer->setCurrentIndex(index);
    return true;
}

QString OrderEntryDialog::addLine(const QString &sku, qint64 quantity)
{
    const QString problem = m_model->addLine(sku, quantity);
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    return problem;
}

void OrderEntryDialog::setPoNumber(const QString &po)
{
    m_po->setText(po);
}

QString OrderEntryDialog::problemText() const
{
    return m_problems->text();
}

QString OrderEntryDialog::buyerText() const
{
    return m_buyerInfo->text();
}

QString OrderEntryDialog::totalText() const
{
    return m_total->text();
}

QString OrderEntryDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void OrderEntryDialog::buyerChosen()
{
    const Core::CompanyLocationInfo *info = chosenLocation();
    if (!info) {
        m_buyerInfo->setText(tr("Consumer prices from the catalogue; no payment terms."));
    } else {
        QStringList parts;
        if (!info->currency.isEmpty()) {
            parts << info->currency;
        }
        parts << (info->paymentTermsName.isEmpty() ? tr("no terms") : info->paymentTermsName);
        parts << (info->priceListName.isEmpty() ? tr("base prices")
                                                : tr("price list “%1”").arg(info->priceListName));
        m_buyerInfo->setText(parts.join(QStringLiteral(" · ")));
    }
    m_model->setBuyer(info ? info->id : QString());
    updateState();
}

void OrderEntryDialog::addFromFields()
{
    if (addLine(m_sku->text(), m_quantity->value()).isEmpty()) {
        m_sku->clear();
        m_quantity->setValue(1);
        m_sku->setFocus();
    }
}

void OrderEntryDialog::removeSelected()
{
    const QModelIndex current = m_lines->currentIndex();
    if (current.isValid()) {
        m_model->removeLine(current.row());
    }
}

void OrderEntryDialog::updateState()
{
    const QStringList problems = m_model->problems();
    const auto total = m_model->total();
    qint64 units = 0;
    for (const OrderEntryModel::Line &line : m_model->lines()) {
        units += line.quantity;
    }
    const QLocale locale;
    m_total->setText(total ? tr("<b>Total %1</b> · %n line(s)", nullptr, int(m_model->rowCount()))
                                     .arg(total->toString())
                                 + tr(", %1 units").arg(locale.toString(units))
                           : QString());
    const qint64 missing = m_model->shortUnits();
    m_stockNote->setText(missing > 0 ? tr("%1 unit(s) are not available now: they are backordered "
                                          "and allocated when stock arrives.")
                                           .arg(locale.toString(missing))
                                     : QString());
    m_stockNote->setVisible(missing > 0);
    const bool canPlace = problems.isEmpty() && m_placed == 0;
    m_place->setEnabled(canPlace);
    if (m_model->rowCount() == 0) {
        m_problems->setText(tr("Add lines by SKU; prices follow the buyer's price list."));
        m_problems->setStyleSheet(QString());
    } else {
        m_problems->setText(
            problems.isEmpty()
                ? QString()
                : tr("Cannot hold stock yet: %1").arg(problems.join(QStringLiteral(" "))));
        m_problems->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
    }
    m_place->setToolTip(canPlace ? tr("Receive the order and commit its stock in this ledger")
                                 : problems.join(u'\n'));
}

QString OrderEntryDialog::whyText() const
{
    return m_why->text();
}

void OrderEntryDialog::showWhy()
{
    const QModelIndex current = m_lines->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount()) {
        m_why->clear();
        return;
    }
    const OrderEntryModel::Line &line = m_model->lines().at(current.row());
    m_why->setText(line.quote ? tr("%1: %2").arg(line.sku, line.quote->explanation)
                              : tr("%1: %2").arg(line.sku, line.quoteError));
}

bool OrderEntryDialog::place()
{
    const QStringList problems = m_model->problems();
    if (!problems.isEmpty() || m_placed != 0) {
        m_error->setText(problems.join(u' '));
        m_error->setVisible(!problems.isEmpty());
        return false;
    }
    const Core::CompanyLocationInfo *info = chosenLocation();
    const QDateTime now = QDateTime::currentDateTime();
    Core::IncomingOrder order;
    order.channel = Core::OrderChannel::console;
    order.externalRef
        = QStringLiteral("rep-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    order.name = QStringLiteral("R-%1-%2").arg(now.toString(QStringLiteral("yyMMdd-HHmmss")),
                                               order.externalRef.mid(4, 4).toUpper());
    order.poNumber = m_po->text().trimmed();
    order.issuedAt = now.toMSecsSinceEpoch();
    if (info) {
        order.company = info->companyName;
        order.companyLocation = info->id;
        order.paymentTerms = info->paymentTermsName;
        if (!info->paymentTermsName.isEmpty()) {
            order.dueDate = info->terms.dueDate(now.date());
        }
    }
    for (const OrderEntryModel::Line &line : m_model->lines()) {
        order.currency = line.quote->unitPrice.currency();
        order.lines.append({line.sku, line.quantity, line.quote->unitPrice.amountString()});
    }
    const qint64 queuedBefore = pendingToErp(m_store);
    const auto received = Core::OrderBook(m_store).receive(order, m_actor);
    if (!received) {
        m_error->setText(tr("The order was not placed: %1").arg(received.error().message));
        m_error->show();
        return false;
    }
    m_placed = received.value().id;
    const auto allocated = Core::OrderAllocator(m_store).allocate(m_placed, m_actor);
    const QLocale locale;
    if (!allocated) {
        m_outcome = tr("Order %1 is in the queue, but its stock was not held: %2")
                        .arg(order.name, allocated.error().message);
    } else if (allocated.value().shortfall > 0) {
        m_outcome = tr("Order %1 held in the ledger: %2 unit(s) allocated, %3 backordered.")
                        .arg(order.name,
                             locale.toString(allocated.value().allocatedNow),
                             locale.toString(allocated.value().shortfall));
    } else {
        m_outcome = tr("Order %1 held in the ledger: %2 unit(s) allocated.")
                        .arg(order.name, locale.toString(allocated.value().allocatedNow));
    }
    // Only a row actually written to the outbox is worth promising.
    if (pendingToErp(m_store) > queuedBefore) {
        m_outcome += u' ' + tr("Queued to send when connected.");
    }
    m_live->stop();
    updateState();
    accept();
    return true;
}

} // namespace Ledgerdesk::Ui
