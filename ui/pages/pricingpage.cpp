#include "pricingpage.h"

#include <ui/models/pricelistmodel.h>
#include <ui/pages/quotecalculator.h>
#include <ui/theme.h>

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSet>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

namespace {

enum CompanyColumn { NameColumn, CurrencyColumn, TermsColumn, PriceListColumn, CompanyColumns };

constexpr int kLocationIdRole = Qt::UserRole + 1;

QString adjustmentText(const Core::PriceAdjustment &adjustment)
{
    if (adjustment.basisPoints == 0) {
        return PricingPage::tr("base prices unchanged");
    }
    const QString percent
        = QLocale().toString(double(adjustment.basisPoints) / 100.0, 'g', 6) + u'%';
    return adjustment.direction == Core::PriceAdjustment::Direction::Decrease
               ? PricingPage::tr("%1 off base prices").arg(percent)
               : PricingPage::tr("%1 above base prices").arg(percent);
}

} // namespace

PricingPage::PricingPage(Core::Store &store, QWidget *parent)
    : Page(parent)
    , m_store(store)
    , m_listModel(new PriceListModel(this))
{
    m_companies = new QTreeWidget(this);
    m_companies->setObjectName(QStringLiteral("companies"));
    m_companies->setAccessibleName(tr("Companies and their locations"));
    m_companies->setColumnCount(CompanyColumns);
    m_companies->setHeaderLabels(
        {tr("Company / location"), tr("Currency"), tr("Terms"), tr("Price list")});
    m_companies->setAlternatingRowColors(true);
    m_companies->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_companies->header()->setStretchLastSection(true);

    m_listHeader = new QLabel(this);
    m_listHeader->setObjectName(QStringLiteral("priceListHeader"));
    m_listHeader->setWordWrap(true);
    m_listView = new QTableView(this);
    m_listView->setObjectName(QStringLiteral("priceListView"));
    m_listView->setModel(m_listModel);
    m_listView->setAlternatingRowColors(true);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->verticalHeader()->hide();
    m_listView->setWordWrap(false);
    m_listView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_listView->horizontalHeader()->setSectionResizeMode(PriceListModel::BreaksColumn,
                                                         QHeaderView::Stretch);
    m_listView->setAccessibleName(tr("Price list"));
    m_calculator = new QuoteCalculator(store, this);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
    m_error->hide();

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_listHeader);
    rightLayout->addWidget(m_listView, 3);
    rightLayout->addSpacing(8);
    rightLayout->addWidget(m_calculator, 2);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_companies);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({440, 660});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(new QLabel(tr("<b>Pricing</b>"), this));
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    connect(m_companies, &QTreeWidget::currentItemChanged, this, &PricingPage::showSelected);
    refresh();
}

PricingPage::~PricingPage() = default;

QString PricingPage::pageId() const
{
    return QStringLiteral("pricing");
}

QString PricingPage::title() const
{
    return tr("Pricing");
}

QIcon PricingPage::icon() const
{
    return style()->standardIcon(QStyle::SP_FileDialogListView);
}

QString PricingPage::summary() const
{
    const QLocale locale;
    return tr("%1 companies · %2 locations")
        .arg(locale.toString(m_companyCount), locale.toString(m_locations.size()));
}

void PricingPage::refresh()
{
    const QTreeWidgetItem *current = m_companies->currentItem();
    const QString keep
        = current ? current->data(NameColumn, kLocationIdRole).toString() : QString();
    const auto locations = Core::PriceBook(m_store).companyLocations();
    if (!locations) {
        showError(tr("The companies could not be read: %1").arg(locations.error().message));
        return;
    }
    showError(QString());
    m_locations = locations.value();
    const QSignalBlocker block(m_companies);
    m_companies->clear();
    QTreeWidgetItem *company = nullptr;
    QSet<QString> companies;
    for (const Core::CompanyLocationInfo &info : std::as_const(m_locations)) {
        if (!company || company->data(NameColumn, Qt::UserRole).toString() != info.companyId) {
            company = new QTreeWidgetItem(m_companies, {info.companyName});
            company->setData(NameColumn, Qt::UserRole, info.companyId);
            QFont bold = company->font(NameColumn);
            bold.setBold(true);
            company->setFont(NameColumn, bold);
            company->setFlags(company->flags() & ~Qt::ItemIsSelectable);
            companies.insert(info.companyId);
        }
        auto *item = new QTreeWidgetItem(
            company,
            {info.name,
             info.currency.isEmpty() ? QStringLiteral("—") : info.currency,
             info.paymentTermsName.isEmpty() ? tr("none") : info.paymentTermsName,
             info.priceListName.isEmpty() ? tr("base prices") : info.priceListName});
        item->setData(NameColumn, kLocationIdRole, info.id);
        item->setToolTip(TermsColumn, info.terms.describe());
    }
    m_companyCount = companies.size();
    m_companies->expandAll();
    m_calculator->setLocations(m_locations);
    if (m_locations.isEmpty()) {
        m_listHeader->setText(tr("No companies yet: they arrive with the B2B sync from Shopify."));
        m_listModel->clear();
    }
    if (!keep.isEmpty()) {
        selectLocation(keep);
    } else {
        showSelected();
    }
    emit summaryChanged();
}

void PricingPage::focusSearch()
{
    m_calculator->focusSku();
}

bool PricingPage::selectLocation(const QString &companyLocationId)
{
    for (int i = 0; i < m_companies->topLevelItemCount(); ++i) {
        QTreeWidgetItem *company = m_companies->topLevelItem(i);
        for (int j = 0; j < company->childCount(); ++j) {
            if (company->child(j)->data(NameColumn, kLocationIdRole).toString()
                == companyLocationId) {
                m_companies->setCurrentItem(company->child(j));
                showSelected();
                return true;
            }
        }
    }
    return false;
}

QString PricingPage::priceListText() const
{
    return m_listHeader->text();
}

QString PricingPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PricingPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void PricingPage::showSelected()
{
    const QTreeWidgetItem *item = m_companies->currentItem();
    const QString id = item ? item->data(NameColumn, kLocationIdRole).toString() : QString();
    const Core::CompanyLocationInfo *info = nullptr;
    for (const Core::CompanyLocationInfo &l : std::as_const(m_locations)) {
        if (l.id == id) {
            info = &l;
        }
    }
    if (!info) {
        m_listModel->clear();
        if (!m_locations.isEmpty()) {
            m_listHeader->setText(tr("Select a company location to see its price list."));
        }
        return;
    }
    m_calculator->setBuyer(info->id);
    const QString buyer
        = tr("<b>%1 — %2</b>").arg(info->companyName.toHtmlEscaped(), info->name.toHtmlEscaped());
    Core::PriceBook book(m_store);
    const auto list = book.priceListFor(info->id);
    if (!list) {
        m_listModel->clear();
        showError(list.error().message);
        return;
    }
    if (!list.value()) {
        m_listModel->clear();
        m_listView->hide();
        m_listHeader->setText(tr("%1 buys at base prices (no price list).").arg(buyer));
        return;
    }
    QString header = tr("%1 · price list “%2” in %3 · %4")
                         .arg(buyer,
                              list.value()->name().toHtmlEscaped(),
                              list.value()->currency(),
                              adjustmentText(list.value()->adjustment()));
    const auto record = book.priceListRecord(info->priceListId);
    if (!record) {
        showError(record.error().message);
    }
    m_listView->setVisible(record && record.value());
    if (record && record.value()) {
        m_listModel->setRecord(*record.value());
        header += tr(
            " · %n SKU(s) with their own price, break or rule", nullptr, m_listModel->rowCount());
    } else {
        m_listModel->clear();
    }
    m_listHeader->setText(header);
}

} // namespace Ledgerdesk::Ui
