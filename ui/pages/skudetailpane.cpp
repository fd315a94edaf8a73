#include "skudetailpane.h"

#include <ui/models/movementhistorymodel.h>
#include <ui/models/skudetailreader.h>
#include <ui/models/systemfiguresmodel.h>
#include <ui/theme.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

namespace {

QTableView *compactTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setCornerButtonEnabled(false);
    view->setTextElideMode(Qt::ElideRight);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return view;
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

SkuDetailPane::SkuDetailPane(Core::Store &store, SkuDetailReader &reader, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_figures(new SystemFiguresModel(store, this))
    , m_history(new MovementHistoryModel(store, this))
{
    m_heading = new QLabel(this);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    m_heading->setFont(headingFont);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = new QLabel(this);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setWordWrap(true);
    m_exceptions = new QLabel(this);
    m_exceptions->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
    m_exceptions->hide();
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
    m_error->hide();

    auto *header = new QHBoxLayout;
    header->addWidget(m_heading);
    header->addSpacing(12);
    header->addWidget(m_subtitle, 1);
    header->addWidget(m_exceptions);

    m_figuresView = compactTable(m_figures, this);
    m_historyView = compactTable(m_history, this);
    configureViews();

    auto *figuresBox = new QWidget(this);
    auto *figuresLayout = new QVBoxLayout(figuresBox);
    figuresLayout->setContentsMargins(0, 0, 0, 0);
    figuresLayout->addWidget(sectionTitle(tr("What each system says"), figuresBox));
    figuresLayout->addWidget(m_figuresView, 1);
    auto *historyBox = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(sectionTitle(tr("Movement history, newest first"), historyBox));
    historyLayout->addWidget(m_historyView, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(figuresBox);
    split->addWidget(historyBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    m_placeholder = new QLabel(tr("Select a row in the table above to see what each connected "
                                  "system says about it and how its stock moved.\n\nEnter on a "
                                  "row comes here; Ctrl+M shows its style as a colour × size "
                                  "matrix."),
                               this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_content = new QStackedWidget(this);
    m_content->addWidget(split);
    m_content->addWidget(m_placeholder);
    m_body = split;

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    m_header = new QWidget(this);
    m_header->setLayout(header);
    header->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_error);
    layout->addWidget(m_content, 1);

    m_ageTick = new QTimer(this);
    m_ageTick->setInterval(30'000);
    connect(m_ageTick, &QTimer::timeout, this, [this] { m_figures->setNow(Core::nowUtcMillis()); });
    m_figuresView->setAccessibleName(tr("What each system says"));
    m_historyView->setAccessibleName(tr("Movement history"));

    connect(&m_reader, &SkuDetailReader::detailRead, this, &SkuDetailPane::acceptDetail);
    connect(m_figures, &SystemFiguresModel::loadFailed, this, &SkuDetailPane::showError);
    connect(m_history, &MovementHistoryModel::loadFailed, this, &SkuDetailPane::showError);
    updateHeader();
}

SkuDetailPane::~SkuDetailPane() = default;

void SkuDetailPane::configureViews()
{
    const QFontMetrics fm = fontMetrics();
    const auto width = [&](const QString &sample) { return fm.horizontalAdvance(sample) + 24; };
    QHeaderView *figures = m_figuresView->horizontalHeader();
    figures->resizeSection(SystemFiguresModel::Source, width(QStringLiteral("Shopify")));
    figures->resizeSection(SystemFiguresModel::Figure, width(QStringLiteral("available")));
    figures->resizeSection(SystemFiguresModel::Value, width(QStringLiteral("1,000")));
    figures->resizeSection(SystemFiguresModel::Seen, width(QStringLiteral("59 min ago")));
    figures->setStretchLastSection(true);

    QHeaderView *history = m_historyView->horizontalHeader();
    history->resizeSection(MovementHistoryModel::Time, width(QStringLiteral("Nov 23, 13:45")));
    history->resizeSection(MovementHistoryModel::Reason, width(QStringLiteral("Adjustment")));
    history->resizeSection(MovementHistoryModel::Source, width(QStringLiteral("shopify · 10001")));
    history->resizeSection(MovementHistoryModel::Actor, width(QStringLiteral("demo-seeder")));
    history->resizeSection(MovementHistoryModel::Change,
                           width(QStringLiteral("−2 available, +2 committed")));
    history->resizeSection(MovementHistoryModel::AvailableAfter,
                           width(QStringLiteral("Available")));
    history->resizeSection(MovementHistoryModel::OnHandAfter, width(QStringLiteral("On hand")));
    history->setStretchLastSection(true);
}

void SkuDetailPane::showRow(const Core::AvailabilityRow &row)
{
    const bool same
        = m_row && m_row->variantId == row.variantId && m_row->locationId == row.locationId;
    m_row = row;
    updateHeader();
    if (same && !m_stale) {
        return;
    }
    m_stale = true;
    if (isVisible()) {
        load();
    }
}

void SkuDetailPane::clear()
{
    m_row.reset();
    m_stale = false;
    m_figures->clear();
    m_history->clear();
    updateHeader();
}

void SkuDetailPane::refresh()
{
    if (!m_row) {
        return;
    }
    m_stale = true;
    if (isVisible()) {
        load();
    }
}

void SkuDetailPane::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_ageTick->stop();
}

void SkuDetailPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_ageTick->start();
    m_figures->setNow(Core::nowUtcMillis());
    if (m_stale) {
        load();
    }
}

void SkuDetailPane::load()
{
    m_stale = false;
    if (!m_row) {
        return;
    }
    const bool sameKey
        = m_history->sku() == m_row->sku && m_history->locationCode() == m_row->locationCode;
    // The same key keeps as many history rows as were shown; a new key starts at the top.
    const qint64 rows
        = sameKey ? std::max<qint64>(MovementHistoryModel::kPageSize, m_history->rowCount())
                  : MovementHistoryModel::kPageSize;
    m_reader.readDetail(m_row->sku, m_row->locationCode, rows);
}

void SkuDetailPane::acceptDetail(const SkuDetailResult &result)
{
    if (!m_row || result.sku != m_row->sku || result.locationCode != m_row->locationCode) {
        return;
    }
    if (!result.error.isEmpty()) {
        m_history->clear();
        m_figures->clear();
        showError(result.error);
        return;
    }
    m_error->hide();
    m_history->setPage(result.sku, result.locationCode, result.history);
    m_figures->setFigures(result.figures, result.readAt);
    updateHeader();
    emit detailShown();
}

bool SkuDetailPane::isLoading() const
{
    return m_reader.isReadingDetail();
}

void SkuDetailPane::updateHeader()
{
    if (!m_row) {
        m_header->hide();
        m_content->setCurrentWidget(m_placeholder);
        return;
    }
    m_header->show();
    m_content->setCurrentWidget(m_body);
    m_heading->setText(m_row->sku);
    QStringList options;
    for (const QString &o : {m_row->option1, m_row->option2}) {
        if (!o.isEmpty()) {
            options << o;
        }
    }
    m_subtitle->setText(tr("%1%2 at %3 — %4")
                            .arg(m_row->title,
                                 options.isEmpty()
                                     ? QString()
                                     : QStringLiteral(" · ") + options.join(QStringLiteral(" / ")),
                                 m_row->locationCode,
                                 m_row->locationName));
    const qsizetype open = m_figures->figures().sku == m_row->sku
                                   && m_figures->figures().locationCode == m_row->locationCode
                               ? m_figures->figures().openExceptions.size()
                               : 0;
    m_exceptions->setText(tr("%n open exception(s)", nullptr, static_cast<int>(open)));
    m_exceptions->setVisible(open > 0);
}

void SkuDetailPane::showError(const QString &message)
{
    m_error->setText(tr("This SKU could not be read: %1").arg(message));
    m_error->show();
}

} // namespace Ledgerdesk::Ui
