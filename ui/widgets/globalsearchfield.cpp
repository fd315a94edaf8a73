#include "globalsearchfield.h"

#include <core/store/store.h>
#include <ui/widgets/globalsearchworker.h>

#include <QFocusEvent>
#include <QFont>
#include <QKeyEvent>
#include <QListWidget>
#include <QScreen>
#include <QTimer>

namespace Ledgerdesk::Ui {

namespace {

constexpr int kHitRole = Qt::UserRole + 1; // index into hits(); absent on group titles
constexpr int kMaxVisibleRows = 16;

} // namespace

GlobalSearchField::GlobalSearchField(Core::Store &store, QWidget *parent)
    : QLineEdit(parent)
    , m_delay(new QTimer(this))
    , m_popup(new QListWidget(this))
    , m_worker(new GlobalSearchWorker(store))
{
    setObjectName(QStringLiteral("globalSearch"));
    setPlaceholderText(tr("Search SKU, style, order, company… (Ctrl+K)"));
    setToolTip(tr("A SKU or style beginning, words of a title, an exact barcode, a location, an "
                  "order's name, reference or PO number, a company, or the SKU of an open "
                  "exception"));
    setAccessibleName(tr("Search everything"));
    setClearButtonEnabled(true);
    setMaxLength(Core::GlobalSearch::kMaxTextLength);
    setMinimumWidth(fontMetrics().horizontalAdvance(placeholderText()) + 40);
    setMaximumWidth(fontMetrics().horizontalAdvance(u'M') * 40);

    // A tool-tip window never takes the focus, so typing goes on in the field while it shows.
    m_popup->setWindowFlags(Qt::ToolTip | Qt::FramelessWindowHint);
    m_popup->setObjectName(QStringLiteral("globalSearchHits"));
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setSelectionMode(QAbstractItemView::SingleSelection);
    m_popup->setUniformItemSizes(true);
    m_popup->setMouseTracking(true);
    connect(m_popup, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const QVariant index = item->data(kHitRole);
        if (index.isValid()) {
            choose(index.toInt());
        }
    });

    m_delay->setSingleShot(true);
    m_delay->setInterval(kDelayMs);
    connect(m_delay, &QTimer::timeout, this, &GlobalSearchField::searchNow);
    connect(this, &QLineEdit::textEdited, this, [this] {
        m_searching = true;
        m_delay->start();
    });
    connect(this, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty()) {
            m_delay->stop();
            ++m_generation;
            m_searching = false;
            m_hits.clear();
            m_popup->clear();
            m_popup->hide();
        }
    });

    m_thread.setObjectName(QStringLiteral("global-search"));
    m_worker->moveToThread(&m_thread);
    // The worker's connection belongs to its thread and is closed there, as the thread ends.
    connect(
        &m_thread,
        &QThread::finished,
        m_worker,
        [&store] { store.closeThreadConnection(); },
        Qt::DirectConnection);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &GlobalSearchWorker::found, this, &GlobalSearchField::accept);
    m_thread.start();
}

GlobalSearchField::~GlobalSearchField()
{
    m_thread.quit();
    m_thread.wait();
}

void GlobalSearchField::searchNow()
{
    m_delay->stop();
    const QString needle = text().trimmed();
    if (needle.isEmpty()) {
        return;
    }
    m_searching = true;
    const quint64 generation = ++m_generation;
    m_worker->setLatest(generation);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, generation, needle] {
            worker->search(generation, needle, Core::GlobalSearch::kDefaultPerKind);
        },
        Qt::QueuedConnection);
}

void GlobalSearchField::accept(quint64 generation,
                               const QList<Core::SearchHit> &hits,
                               const QString &error)
{
    if (generation != m_generation) {
        return; // for text typed over since
    }
    m_searching = false;
    m_hits = hits;
    m_popup->clear();
    QFont groupFont = m_popup->font();
    groupFont.setBold(true);
    if (!error.isEmpty()) {
        auto *item = new QListWidgetItem(tr("The ledger could not be searched: %1").arg(error));
        item->setFlags(Qt::NoItemFlags);
        m_popup->addItem(item);
    } else if (hits.isEmpty()) {
        auto *item = new QListWidgetItem(tr("Nothing found for “%1”").arg(text().trimmed()));
        item->setFlags(Qt::NoItemFlags);
        m_popup->addItem(item);
    }
    for (qsizetype i = 0; i < hits.size(); ++i) {
        const Core::SearchHit &hit = hits.at(i);
        if (i == 0 || hits.at(i - 1).kind != hit.kind) {
            // Shown like text, never selectable: Up/Down and clicks skip it.
            auto *group = new QListWidgetItem(Core::GlobalSearch::kindTitle(hit.kind));
            group->setFlags(Qt::ItemIsEnabled);
            group->setFont(groupFont);
            m_popup->addItem(group);
        }
        auto *item = new QListWidgetItem(
            hit.detail.isEmpty() ? hit.text : tr("%1  —  %2").arg(hit.text, hit.detail));
        item->setData(kHitRole, static_cast<int>(i));
        item->setToolTip(hit.detail);
        m_popup->addItem(item);
    }
    moveSelection(1);
    showPopup();
    emit resultsShown();
}

void GlobalSearchField::showPopup()
{
    if (!hasFocus() && !isVisible()) {
        return;
    }
    int listHeight = 2 * m_popup->frameWidth();
    for (int row = 0; row < std::min(m_popup->count(), kMaxVisibleRows); ++row) {
        listHeight += m_popup->sizeHintForRow(row);
    }
    const int width = std::max(this->width(), fontMetrics().horizontalAdvance(u'M') * 40);
    m_popup->resize(width, listHeight);
    m_popup->move(mapToGlobal(QPoint(0, height())));
    m_popup->show();
}

void GlobalSearchField::moveSelection(int step)
{
    const int count = m_popup->count();
    if (count == 0) {
        return;
    }
    int row = m_popup->currentRow();
    for (int tries = 0; tries < count; ++tries) {
        row = row < 0 ? (step > 0 ? 0 : count - 1) : (row + step + count) % count;
        if (m_popup->item(row)->data(kHitRole).isValid()) {
            m_popup->setCurrentRow(row);
            return;
        }
    }
}

bool GlobalSearchField::chooseCurrent()
{
    const QListWidgetItem *item = m_popup->currentItem();
    if (item && item->data(kHitRole).isValid()) {
        choose(item->data(kHitRole).toInt());
        return true;
    }
    if (!m_hits.isEmpty()) {
        choose(0);
        return true;
    }
    return false;
}

void GlobalSearchField::choose(int hitIndex)
{
    if (hitIndex < 0 || hitIndex >= m_hits.size()) {
        return;
    }
    const Core::SearchHit hit = m_hits.at(hitIndex);
    m_popup->hide();
    emit hitChosen(hit);
}

void GlobalSearchField::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Down:
    case Qt::Key_Up:
        if (!m_popup->isVisible() && !m_hits.isEmpty()) {
            showPopup();
        }
        moveSelection(event->key() == Qt::Key_Down ? 1 : -1);
        event->accept();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_searching || m_delay->isActive()) {
            // Enter right after typing waits for the hits of what was typed, then takes the first.
            searchNow();
            connect(
                this,
                &GlobalSearchField::resultsShown,
                this,
                [this] { chooseCurrent(); },
                Qt::SingleShotConnection);
        } else {
            chooseCurrent();
        }
        event->accept();
        return;
    case Qt::Key_Escape:
        if (m_popup->isVisible()) {
            m_popup->hide();
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QLineEdit::keyPressEvent(event);
}

void GlobalSearchField::focusOutEvent(QFocusEvent *event)
{
    m_popup->hide();
    QLineEdit::focusOutEvent(event);
}

void GlobalSearchField::focusInEvent(QFocusEvent *event)
{
    QLineEdit::focusInEvent(event);
    if (!m_hits.isEmpty() && !text().trimmed().isEmpty()) {
        showPopup();
    }
}

} // namespace Ledgerdesk::Ui
