#include "stylematrixview.h"

#include <core/catalog/catalog.h>
#include <ui/models/skudetailreader.h>
#include <ui/models/stylematrixmodel.h>
#include <ui/theme.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace Ledgerdesk::Ui {

StyleMatrixView::StyleMatrixView(Core::Store &store, SkuDetailReader &reader, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_reader(reader)
    , m_model(new StyleMatrixModel(store, this))
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    // Long style names wrap rather than widen the whole window.
    m_title->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
    m_error->hide();

    m_location = new QComboBox(this);
    m_location->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_location->setMinimumContentsLength(26);
    auto *locationLabel = new QLabel(tr("L&ocation:"), this);
    locationLabel->setBuddy(m_location);
    m_quantity = new QComboBox(this);
    m_quantity->addItem(tr("Available"), static_cast<int>(Core::QuantityName::Available));
    m_quantity->addItem(tr("Committed"), static_cast<int>(Core::QuantityName::Committed));
    m_quantity->addItem(tr("On hand"), static_cast<int>(Core::QuantityName::OnHand));
    m_quantity->addItem(tr("Incoming"), static_cast<int>(Core::QuantityName::Incoming));
    auto *quantityLabel = new QLabel(tr("&Show:"), this);
    quantityLabel->setBuddy(m_quantity);
    loadLocations();
    connect(m_location, &QComboBox::currentIndexChanged, this, &StyleMatrixView::requestLoad);
    connect(m_quantity, &QComboBox::currentIndexChanged, this, &StyleMatrixView::requestLoad);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(locationLabel);
    bar->addWidget(m_location);
    bar->addSpacing(12);
    bar->addWidget(quantityLabel);
    bar->addWidget(m_quantity);

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Style matrix"));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setCornerButtonEnabled(false);
    m_view->setWordWrap(false);
    const int cell = fontMetrics().horizontalAdvance(QStringLiteral("100,000")) + 28;
    m_view->horizontalHeader()->setDefaultSectionSize(cell);
    m_view->horizontalHeader()->setMinimumSectionSize(cell);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setHighlightSections(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_view->verticalHeader()->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("Heather Grey")) + 16);

    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            &StyleMatrixView::updateCaption);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StyleMatrixView::updateCaption);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(bar);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption);

    connect(&m_reader, &SkuDetailReader::matrixRead, this, &StyleMatrixView::acceptMatrix);
    connect(m_model, &StyleMatrixModel::loadFailed, this, [this](const QString &message) {
        m_error->setText(tr("The style could not be read: %1").arg(message));
        m_error->show();
    });
    updateTitle();
}

StyleMatrixView::~StyleMatrixView() = default;

void StyleMatrixView::loadLocations()
{
    const QString current = m_location->currentData().toString();
    const QSignalBlocker blocker(m_location);
    m_location->clear();
    m_location->addItem(tr("All locations"), QString());
    const auto locations = Core::Catalog(m_store).locations();
    if (locations) {
        for (const Core::Location &l : locations.value()) {
            m_location->addItem(tr("%1 — %2").arg(l.code, l.name), l.code);
        }
    }
    const int index = m_location->findData(current);
    m_location->setCurrentIndex(index < 0 ? 0 : index);
}

void StyleMatrixView::showRow(const Core::AvailabilityRow &row)
{
    const bool sameStyle = m_row && m_row->styleHandle == row.styleHandle;
    m_row = row;
    if (sameStyle && !m_stale) {
        // Only the current cell moves; the numbers are those already shown.
        selectCurrentSku();
        return;
    }
    requestLoad();
}

void StyleMatrixView::clear()
{
    m_row.reset();
    m_stale = false;
    m_model->clear();
    updateTitle();
}

void StyleMatrixView::refresh()
{
    loadLocations();
    if (m_row) {
        requestLoad();
    }
}

void StyleMatrixView::setLocation(const QString &locationCode)
{
    const int index = m_location->findData(locationCode);
    m_location->setCurrentIndex(index < 0 ? 0 : index);
}

void StyleMatrixView::setQuantity(Core::QuantityName quantity)
{
    const int index = m_quantity->findData(static_cast<int>(quantity));
    if (index >= 0) {
        m_quantity->setCurrentIndex(index);
    }
}

void StyleMatrixView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        load();
    }
}

void StyleMatrixView::requestLoad()
{
    m_stale = true;
    if (isVisible()) {
        load();
    }
}

void StyleMatrixView::load()
{
    m_stale = false;
    if (!m_row) {
        return;
    }
    m_reader.readMatrix(m_row->styleHandle,
                        m_location->currentData().toString(),
                        static_cast<Core::QuantityName>(m_quantity->currentData().toInt()));
}

void StyleMatrixView::acceptMatrix(const StyleMatrixResult &result)
{
    if (!m_row || result.styleHandle != m_row->styleHandle) {
        return;
    }
    if (!result.error.isEmpty()) {
        m_model->clear();
        m_error->setText(tr("The style could not be read: %1").arg(result.error));
        m_error->show();
        return;
    }
    m_error->hide();
    m_model->setMatrix(result.styleHandle, result.matrix);
    updateTitle();
    selectCurrentSku();
    emit matrixShown();
}

bool StyleMatrixView::isLoading() const
{
    return m_reader.isReadingMatrix();
}

void StyleMatrixView::updateTitle()
{
    if (!m_row) {
        m_title->setText(tr("Select a row to see its style by colour and size"));
        return;
    }
    const Core::StyleMatrix &m = m_model->matrix();
    const QString axes = m.rowOptionName.isEmpty()
                             ? m.columnOptionName
                             : tr("%1 × %2").arg(m.rowOptionName, m.columnOptionName);
    m_title->setText(axes.isEmpty() ? m_row->title : tr("%1 — %2").arg(m_row->title, axes));
}

QString StyleMatrixView::caption() const
{
    return m_caption->text();
}

void StyleMatrixView::updateCaption()
{
    const QString blank = tr("A blank cell is a colour and size this style does not come in.");
    const QModelIndex current = m_view->currentIndex();
    const QString sku = current.data(StyleMatrixModel::SkuRole).toString();
    if (!current.isValid() || sku.isEmpty()) {
        m_caption->setText(blank);
        return;
    }
    const QString where = m_model->matrix().locationCode.isEmpty() ? tr("all locations")
                                                                   : m_model->matrix().locationCode;
    m_caption->setText(
        tr("%1 at %2: %3 %4. %5")
            .arg(
                sku, where, current.data().toString(), m_quantity->currentText().toLower(), blank));
}

void StyleMatrixView::selectCurrentSku()
{
    if (!m_row) {
        return;
    }
    const QModelIndex index = m_model->indexOfSku(m_row->sku);
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
    }
}

} // namespace Ledgerdesk::Ui
