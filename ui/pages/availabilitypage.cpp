#include "availabilitypage.h"

#include <core/catalog/catalog.h>
#include <ui/models/availabilitymodel.h>
#include <ui/models/skudetailreader.h>
#include <ui/pages/skudetailpane.h>
#include <ui/pages/stylematrixview.h>
#include <ui/theme.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDataStream>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

namespace {

// Marks the state format that holds the splitter and tab besides the column header.
constexpr quint32 kStateMagic = 0x4C444131;
constexpr quint32 kStateVersion = 1;

QWidget *legendEntry(const QIcon &icon, const QString &text, QWidget *parent)
{
    auto *entry = new QWidget(parent);
    auto *iconLabel = new QLabel(entry);
    const int size = iconLabel->fontMetrics().height();
    iconLabel->setPixmap(icon.pixmap(size, size));
    auto *layout = new QHBoxLayout(entry);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(iconLabel);
    layout->addWidget(new QLabel(text, entry));
    return entry;
}

} // namespace

AvailabilityPage::AvailabilityPage(Core::Store &store, QWidget *parent)
    : Page(parent)
    , m_store(store)
    , m_model(new AvailabilityModel(store, this))
    , m_searchDelay(new QTimer(this))
    , m_followDelay(new QTimer(this))
{
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &AvailabilityPage::applySearch);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
    m_error->hide();

    m_view = new QTableView(this);
    configureView();
    m_placeholder = new QLabel(this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_content = new QStackedWidget(this);
    m_content->addWidget(m_view);
    m_content->addWidget(m_placeholder);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_content);
    m_splitter->addWidget(createDetailTabs());
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->addWidget(createFilterBar());
    layout->addWidget(m_error);
    layout->addWidget(m_splitter, 1);

    connect(m_model, &AvailabilityModel::loadFailed, this, &AvailabilityPage::showError);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AvailabilityPage::updatePlaceholder);
    connect(m_model, &AvailabilityModel::countFinished, this, &AvailabilityPage::updatePlaceholder);
    connect(m_model, &AvailabilityModel::newestChangeRead, this, &Page::summaryChanged);
    loadLocations();
    updatePlaceholder();
}

AvailabilityPage::~AvailabilityPage() = default;

QWidget *AvailabilityPage::createDetailTabs()
{
    m_reader = new SkuDetailReader(m_store, this);
    m_details = new SkuDetailPane(m_store, *m_reader, this);
    m_matrix = new StyleMatrixView(m_store, *m_reader, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_details, tr("&Details"));
    m_tabs->addTab(m_matrix, tr("Style &matrix"));
    m_tabs->setTabToolTip(0, tr("What each system says and the movement history (Enter)"));
    m_tabs->setTabToolTip(1, tr("The style by colour and size (Ctrl+M)"));

    m_followDelay->setSingleShot(true);
    m_followDelay->setInterval(kFollowDelayMs);
    connect(m_followDelay, &QTimer::timeout, this, &AvailabilityPage::followCurrentRow);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            m_followDelay,
            qOverload<>(&QTimer::start));
    // A current row whose page was still on its way is shown once the page arrives.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_followWaiting && !m_followDelay->isActive()) {
            followCurrentRow();
        }
    });
    m_view->installEventFilter(this);
    auto *matrixShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_M), this);
    matrixShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(matrixShortcut, &QShortcut::activated, this, &AvailabilityPage::showMatrixTab);
    return m_tabs;
}

void AvailabilityPage::followCurrentRowNow()
{
    m_followDelay->stop();
    followCurrentRow();
}

void AvailabilityPage::followCurrentRow()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_followWaiting = false;
        return;
    }
    const auto row = m_model->rowAt(current.row());
    m_followWaiting = !row.has_value();
    if (!row) {
        return;
    }
    m_details->showRow(*row);
    m_matrix->showRow(*row);
}

void AvailabilityPage::showMatrixTab()
{
    followCurrentRowNow();
    m_tabs->setCurrentWidget(m_matrix);
    m_matrix->view()->setFocus(Qt::ShortcutFocusReason);
}

void AvailabilityPage::focusDetails()
{
    followCurrentRowNow();
    m_tabs->setCurrentWidget(m_details);
    m_details->historyView()->setFocus(Qt::OtherFocusReason);
}

bool AvailabilityPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers() == Qt::NoModifier && m_view->currentIndex().isValid()) {
            focusDetails();
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}

QWidget *AvailabilityPage::createFilterBar()
{
    auto *bar = new QWidget(this);
    m_search = new QLineEdit(bar);
    m_search->setPlaceholderText(tr("Search SKU, style or barcode"));
    m_search->setToolTip(tr("A SKU or style beginning, words of the title, or an exact barcode"));
    m_search->setClearButtonEnabled(true);
    // Never narrower than its hint text: an empty field must say what it is for.
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText())
                              + 36);
    m_search->setMaximumWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText())
                              + 64);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &AvailabilityPage::applySearch);

    m_location = new QComboBox(bar);
    // As wide as the longest location when there is room, narrower when the window is small.
    m_location->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_location->setMinimumWidth(m_location->fontMetrics().horizontalAdvance(u'M') * 8);
    connect(m_location, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setLocationFilter(m_location->currentData().toString());
    });
    auto *locationLabel = new QLabel(tr("&Location:"), bar);
    locationLabel->setBuddy(m_location);

    m_lowStock = new QCheckBox(
        tr("Low stock only (≤ %1)").arg(Core::AvailabilityFilter{}.lowStockThreshold), bar);
    connect(m_lowStock, &QCheckBox::toggled, m_model, &AvailabilityModel::setLowStockOnly);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 1);
    layout->addSpacing(12);
    layout->addWidget(locationLabel);
    layout->addWidget(m_location);
    layout->addSpacing(12);
    layout->addWidget(m_lowStock);
    layout->addStretch(1);
    layout->addWidget(legendEntry(Theme::outOfStockIcon(), tr("Out of stock"), bar));
    layout->addSpacing(8);
    layout->addWidget(
        legendEntry(Theme::lowStockIcon(),
                    tr("Low (≤ %1)").arg(Core::AvailabilityFilter{}.lowStockThreshold),
                    bar));
    return bar;
}

void AvailabilityPage::configureView()
{
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setCornerButtonEnabled(false);
    m_view->setTextElideMode(Qt::ElideRight);

    // Every row is one line high: the view never measures a row, whatever the row count.
    QHeaderView *rows = m_view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    rows->hide();

    // Widths come from sample text, never from the data, so a million rows cost nothing here.
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setHighlightSections(false);
    const QFontMetrics fm = m_view->fontMetrics();
    const auto widthFor = [&](int column, const QString &sample) {
        const QString header = m_model->headerData(column, Qt::Horizontal).toString();
        const int extra = column == AvailabilityModel::Available ? fm.height() + 6 : 0;
        return std::max(fm.horizontalAdvance(sample) + extra + 24,
                        fm.horizontalAdvance(header) + 36);
    };
    columns->resizeSection(AvailabilityModel::Sku,
                           widthFor(AvailabilityModel::Sku, QStringLiteral("OX000-HEA-XXL")));
    columns->resizeSection(
        AvailabilityModel::Style,
        widthFor(AvailabilityModel::Style, QStringLiteral("Heritage Loopback Hoodie")));
    columns->resizeSection(AvailabilityModel::Color,
                           widthFor(AvailabilityModel::Color, QStringLiteral("Heather Grey")));
    columns->resizeSection(AvailabilityModel::Size,
                           widthFor(AvailabilityModel::Size, QStringLiteral("XXL")));
    columns->resizeSection(AvailabilityModel::Location,
                           widthFor(AvailabilityModel::Location, QStringLiteral("STORE-SOHO")));
    for (int c = AvailabilityModel::Available; c < AvailabilityModel::ColumnCount; ++c) {
        columns->resizeSection(c, widthFor(c, QStringLiteral("100,000")));
    }
    columns->setSectionResizeMode(AvailabilityModel::Style, QHeaderView::Stretch);

    columns->setSortIndicator(AvailabilityModel::Sku, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
}

QString AvailabilityPage::pageId() const
{
    return QStringLiteral("availability");
}

QString AvailabilityPage::title() const
{
    return tr("Availability");
}

QIcon AvailabilityPage::icon() const
{
    return Theme::availabilityPageIcon();
}

QString AvailabilityPage::summary() const
{
    return tr("SKU × locations shown: %1")
        .arg(m_model->isCounting() && m_model->rowCount() == 0
                 ? QStringLiteral("…")
                 : QLocale().toString(m_model->rowCount()));
}

void AvailabilityPage::refresh()
{
    m_error->hide();
    loadLocations();
    m_model->refresh();
    m_details->refresh();
    m_matrix->refresh();
}

Core::UtcMillis AvailabilityPage::newestChange() const
{
    return m_model->newestChange();
}

void AvailabilityPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void AvailabilityPage::setSearchText(const QString &text)
{
    m_search->setText(text);
    applySearch();
}

void AvailabilityPage::setLocationFilter(const QString &locationCode)
{
    const int index = m_location->findData(locationCode);
    m_location->setCurrentIndex(index < 0 ? 0 : index);
}

void AvailabilityPage::setLowStockOnly(bool lowStockOnly)
{
    m_lowStock->setChecked(lowStockOnly);
}

QByteArray AvailabilityPage::saveState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << kStateMagic << kStateVersion << m_view->horizontalHeader()->saveState()
        << m_splitter->saveState() << qint32(m_tabs->currentIndex());
    return state;
}

void AvailabilityPage::restoreState(const QByteArray &state)
{
    QByteArray header = state;
    QDataStream in(state);
    quint32 magic = 0;
    quint32 version = 0;
    in >> magic >> version;
    if (magic == kStateMagic && version == kStateVersion) {
        QByteArray splitter;
        qint32 tab = 0;
        in >> header >> splitter >> tab;
        if (in.status() == QDataStream::Ok) {
            m_splitter->restoreState(splitter);
            if (tab >= 0 && tab < m_tabs->count()) {
                m_tabs->setCurrentIndex(tab);
            }
        }
    }
    // Older sessions saved the column header alone.
    QHeaderView *columns = m_view->horizontalHeader();
    if (header.isEmpty() || !columns->restoreState(header)) {
        return;
    }
    m_view->sortByColumn(columns->sortIndicatorSection(), columns->sortIndicatorOrder());
}

void AvailabilityPage::applySearch()
{
    m_searchDelay->stop();
    m_model->setSearch(m_search->text());
}

void AvailabilityPage::loadLocations()
{
    const QString current = m_location->currentData().toString();
    const auto locations = Core::Catalog(m_store).locations();
    if (!locations) {
        showError(locations.error().message);
        return;
    }
    const QSignalBlocker blocker(m_location);
    m_location->clear();
    m_location->addItem(tr("All locations"), QString());
    for (const Core::Location &l : locations.value()) {
        m_location->addItem(tr("%1 — %2").arg(l.code, l.name), l.code);
    }
    const int index = m_location->findData(current);
    m_location->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !current.isEmpty()) {
        m_model->setLocationFilter(QString());
    }
}

void AvailabilityPage::updatePlaceholder()
{
    const Core::AvailabilityFilter &f = m_model->filter();
    const bool filtered = !f.search.isEmpty() || !f.locationCode.isEmpty() || f.lowStockOnly;
    if (m_model->rowCount() > 0 || m_model->isCounting()) {
        m_content->setCurrentWidget(m_view);
    } else {
        m_placeholder->setText(
            filtered ? tr("No stock matches these filters.")
                     : tr("This ledger holds no stock yet.\n\nImport a catalogue and stock counts "
                          "with ledgerdesk-cli, or create a demo ledger with "
                          "“ledgerdesk-cli demo” to look around."));
        m_content->setCurrentWidget(m_placeholder);
    }
    emit summaryChanged();
}

void AvailabilityPage::showError(const QString &message)
{
    m_error->setText(tr("The ledger could not be read: %1").arg(message));
    m_error->show();
}

} // namespace Ledgerdesk::Ui
