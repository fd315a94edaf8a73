#include "exceptionspage.h"

#include <core/sync/exceptionresolver.h>
#include <core/sync/exceptionstore.h>
#include <core/sync/syncmetrics.h>
#include <ui/dialogs/exceptioninputdialog.h>
#include <ui/models/exceptionmodel.h>
#include <ui/pages/exceptiondetailpane.h>
#include <ui/pages/exceptionfilterbar.h>
#include <ui/theme.h>
#include <ui/widgets/actionbar.h>

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace Ledgerdesk::Ui {

namespace {

QString messageOf(const Core::Status &status)
{
    return status.ok() ? QString() : status.error().message;
}

} // namespace

ExceptionsPage::ExceptionsPage(Core::Store &store, QWidget *parent)
    : Page(parent)
    , m_store(store)
    , m_actor(qEnvironmentVariable("USER", QStringLiteral("console")))
    , m_model(new ExceptionModel(store, this))
{
    auto *header = new QHBoxLayout;
    auto *heading = new QLabel(tr("<b>Exceptions</b>"), this);
    m_oldest = new QLabel(this);
    m_oldest->setObjectName(QStringLiteral("oldest"));
    m_counts = new QLabel(this);
    header->addWidget(heading);
    header->addSpacing(16);
    header->addWidget(m_oldest);
    header->addStretch(1);
    header->addWidget(m_counts);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::outOfStockText().name()));
    m_error->hide();

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(ExceptionModel::EntityColumn,
                                                     QHeaderView::Stretch);
    for (const int column : {ExceptionModel::IdColumn, ExceptionModel::KindColumn}) {
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    m_view->setAccessibleName(tr("Exceptions"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    m_detail = new ExceptionDetailPane(this);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->addLayout(header);
    m_filters = new ExceptionFilterBar(m_model, this);
    connect(m_filters, &ExceptionFilterBar::filtersApplied, this, &ExceptionsPage::showDetail);
    layout->addWidget(m_filters);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);
    layout->addWidget(createActions());

    connect(m_model, &QAbstractItemModel::modelReset, this, &ExceptionsPage::updateButtons);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &ExceptionsPage::showDetail);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &ExceptionsPage::showDetail);
    // Keeps the navigation's count and the oldest age current; a few small queries.
    auto *timer = new QTimer(this);
    timer->setInterval(kRefreshMs);
    connect(timer, &QTimer::timeout, this, &ExceptionsPage::refresh);
    timer->start();
    refresh();
}

ExceptionsPage::~ExceptionsPage() = default;

QWidget *ExceptionsPage::createActions()
{
    auto *bar = new ActionBar(this);
    const auto add
        = [this, bar](const QString &name,
                      const QString &text,
                      const QString &tip,
                      void (ExceptionsPage::*slot)()) { bar->add(name, text, tip, this, slot); };
    add(QStringLiteral("acceptTheirs"),
        tr("Accept &theirs"),
        tr("The ledger takes the other system's value"),
        &ExceptionsPage::acceptTheirs);
    add(QStringLiteral("keepOurs"),
        tr("&Keep ours && push"),
        tr("The ledger keeps its value and sends it to the other system"),
        &ExceptionsPage::keepOurs);
    add(QStringLiteral("setValue"),
        tr("Set &value…"),
        tr("State the true value: the ledger takes it and it is pushed"),
        &ExceptionsPage::setValue);
    add(QStringLiteral("retry"),
        tr("&Retry"),
        tr("Send the failed push again"),
        &ExceptionsPage::retry);
    add(QStringLiteral("ignore"),
        tr("&Ignore…"),
        tr("Close without a change; a reason is required"),
        &ExceptionsPage::ignore);
    bar->addStretch();
    add(QStringLiteral("acknowledge"),
        tr("Ac&knowledge"),
        tr("Mark as seen and being looked at"),
        &ExceptionsPage::acknowledge);
    add(QStringLiteral("assign"), tr("&Assign…"), tr("Hand to a person"), &ExceptionsPage::assign);
    m_buttons = bar->buttons();
    return bar;
}

QString ExceptionsPage::pageId() const
{
    return QStringLiteral("exceptions");
}

QString ExceptionsPage::title() const
{
    return m_openCount > 0 ? tr("Exceptions %1").arg(QLocale().toString(m_openCount))
                           : tr("Exceptions");
}

QIcon ExceptionsPage::icon() const
{
    return style()->standardIcon(QStyle::SP_MessageBoxWarning);
}

QString ExceptionsPage::summary() const
{
    return tr("Open exceptions: %1 (%2)").arg(QLocale().toString(m_openCount), m_ageCounts);
}

void ExceptionsPage::focusSearch()
{
    if (auto *filters = findChild<ExceptionFilterBar *>()) {
        filters->focusAssignee();
    }
}

void ExceptionsPage::setActor(const QString &actor)
{
    m_actor = actor;
}

QPushButton *ExceptionsPage::button(const QString &objectName) const
{
    for (QPushButton *b : m_buttons) {
        if (b->objectName() == objectName) {
            return b;
        }
    }
    return nullptr;
}

QString ExceptionsPage::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString ExceptionsPage::oldestText() const
{
    return m_oldest->text();
}

QString ExceptionsPage::detailText() const
{
    return m_detail->sidesText();
}

QListWidget *ExceptionsPage::historyList() const
{
    return m_detail->historyList();
}

void ExceptionsPage::refresh()
{
    const QList<qint64> keep = selectedIds();
    const qint64 current = currentException() ? currentException()->id : 0;
    if (!m_model->refresh()) {
        showError(m_model->lastError());
    }
    QItemSelection selection;
    for (qint64 id : keep) {
        const int row = m_model->rowOf(id);
        if (row >= 0) {
            selection.select(m_model->index(row, 0),
                             m_model->index(row, ExceptionModel::ColumnCount - 1));
        }
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (const int row = m_model->rowOf(current); row >= 0) {
        m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                  QItemSelectionModel::NoUpdate);
    }
    updateCounts();
    if (const auto causes = Core::ExceptionStore(m_store).openByCause(); causes) {
        m_filters->setCauseCounts(causes.value());
    }
    showDetail();
}

void ExceptionsPage::updateCounts()
{
    const auto metrics = Core::SyncMetrics(m_store).collect(Core::nowUtcMillis());
    if (!metrics) {
        showError(metrics.error().message);
        return;
    }
    qint64 underHour = 0;
    qint64 underDay = 0;
    qint64 older = 0;
    std::optional<qint64> oldest;
    for (const Core::SystemSyncMetrics &m : metrics.value()) {
        underHour += m.openUnderHour;
        underDay += m.openUnderDay;
        older += m.openOlder;
        if (m.oldestOpenAgeMs && (!oldest || *m.oldestOpenAgeMs > *oldest)) {
            oldest = m.oldestOpenAgeMs;
        }
    }
    m_openCount = underHour + underDay + older;
    m_ageCounts = tr("< 1 h: %1 · < 24 h: %2 · older: %3")
                      .arg(QLocale().toString(underHour),
                           QLocale().toString(underDay),
                           QLocale().toString(older));
    m_counts->setText(m_ageCounts);
    if (oldest) {
        const bool late = *oldest > kGoalMs;
        m_oldest->setText(tr("Oldest open: %1").arg(ExceptionModel::ageText(*oldest)));
        m_oldest->setToolTip(tr("The goal is to resolve every exception within 24 hours."));
        m_oldest->setStyleSheet(late ? QStringLiteral("color: %1; font-weight: bold;")
                                           .arg(Theme::outOfStockText().name())
                                     : QString());
    } else {
        m_oldest->setText(tr("Nothing open"));
        m_oldest->setStyleSheet(QString());
    }
    emit summaryChanged();
}

const Core::SyncException *ExceptionsPage::currentException() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() == 1) {
        return m_model->exceptionAt(rows.constFirst().row());
    }
    return nullptr;
}

QList<qint64> ExceptionsPage::selectedIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (const Core::SyncException *e = m_model->exceptionAt(index.row())) {
            ids << e->id;
        }
    }
    return ids;
}

void ExceptionsPage::showDetail()
{
    updateButtons();
    const Core::SyncException *e = currentException();
    if (!e) {
        m_detail->showSelection(selectedIds().size());
        return;
    }
    // The row has no history; one small read for the one in view.
    const auto full = Core::ExceptionStore(m_store).get(e->id);
    m_detail->showException(full && full.value() ? *full.value() : *e);
}

void ExceptionsPage::updateButtons()
{
    // A button is enabled when its action applies to at least one selected exception; what
    // cannot reach its system is never offered.
    Core::ExceptionActions any;
    bool anyOpen = false;
    QString noPush;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        const Core::SyncException *e = m_model->exceptionAt(index.row());
        if (!e || e->isClosed()) {
            continue;
        }
        anyOpen = true;
        const Core::ExceptionActions offered = Core::ExceptionResolver::actionsFor(*e);
        any.acceptTheirs = any.acceptTheirs || offered.acceptTheirs;
        any.keepOurs = any.keepOurs || offered.keepOurs;
        any.ignore = any.ignore || offered.ignore;
        if (noPush.isEmpty()) {
            noPush = offered.noPushReason;
        }
    }
    const Core::SyncException *single = currentException();
    const Core::ExceptionActions one
        = single ? Core::ExceptionResolver::actionsFor(*single) : Core::ExceptionActions();
    const QHash<QString, bool> enabled{
        {QStringLiteral("acceptTheirs"), any.acceptTheirs},
        {QStringLiteral("keepOurs"), any.keepOurs},
        {QStringLiteral("setValue"), one.keepOurs},
        {QStringLiteral("retry"), one.retry},
        {QStringLiteral("ignore"), any.ignore},
        {QStringLiteral("acknowledge"), anyOpen},
    };
    for (QPushButton *b : std::as_const(m_buttons)) {
        const QString name = b->objectName();
        b->setEnabled(enabled.value(name, single && !single->isClosed()));
        if (name == u"keepOurs" || name == u"setValue") {
            b->setToolTip(!b->isEnabled() && !noPush.isEmpty() ? noPush
                          : name == u"keepOurs"
                              ? tr("The ledger keeps its value and sends it to the other "
                                   "system")
                              : tr("State the true value: the ledger takes it and it is "
                                   "pushed"));
        }
    }
}

void ExceptionsPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ExceptionsPage::runOnSelection(const Action &action, bool bulk)
{
    const QList<qint64> ids = bulk ? selectedIds() : QList<qint64>{};
    QList<qint64> targets = ids;
    if (!bulk) {
        if (const Core::SyncException *e = currentException()) {
            targets << e->id;
        }
    }
    if (targets.isEmpty()) {
        showError(tr("Select an exception first."));
        return;
    }
    QStringList failures;
    for (qint64 id : std::as_const(targets)) {
        const QString failed = action(id);
        if (!failed.isEmpty()) {
            failures << (targets.size() > 1 ? tr("#%1: %2").arg(id).arg(failed) : failed);
        }
    }
    refresh();
    if (failures.isEmpty()) {
        showError(QString());
    } else if (targets.size() > 1) {
        showError(tr("%1 of %2 not done — %3")
                      .arg(failures.size())
                      .arg(targets.size())
                      .arg(failures.join(QStringLiteral("; "))));
    } else {
        showError(failures.constFirst());
    }
}

void ExceptionsPage::acceptTheirs()
{
    runOnSelection(
        [this](qint64 id) {
            return messageOf(Core::ExceptionResolver(m_store).acceptTheirs(id, m_actor));
        },
        true);
}

void ExceptionsPage::keepOurs()
{
    runOnSelection(
        [this](qint64 id) {
            return messageOf(Core::ExceptionResolver(m_store).keepOursAndPush(id, m_actor));
        },
        true);
}

void ExceptionsPage::setValue()
{
    const Core::SyncException *e = currentException();
    if (!e) {
        return;
    }
    ExceptionInputDialog dialog(ExceptionInputDialog::Mode::SetValue, *e, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const qint64 value = dialog.value();
    runOnSelection(
        [this, value](qint64 id) {
            return messageOf(Core::ExceptionResolver(m_store).setValue(id, value, m_actor));
        },
        false);
}

void ExceptionsPage::retry()
{
    runOnSelection(
        [this](qint64 id) {
            return messageOf(Core::ExceptionResolver(m_store).retry(id, m_actor));
        },
        false);
}

void ExceptionsPage::ignore()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty()) {
        return;
    }
    std::unique_ptr<ExceptionInputDialog> dialog;
    if (const Core::SyncException *e = currentException()) {
        dialog = std::make_unique<ExceptionInputDialog>(
            ExceptionInputDialog::Mode::IgnoreReason, *e, this);
    } else {
        dialog = std::make_unique<ExceptionInputDialog>(
            ExceptionInputDialog::Mode::IgnoreReason, static_cast<int>(ids.size()), this);
    }
    if (dialog->exec() != QDialog::Accepted) {
        return;
    }
    const QString reason = dialog->text();
    if (reason.isEmpty()) {
        showError(tr("Nothing was ignored: an ignore needs a reason."));
        return;
    }
    runOnSelection(
        [this, reason](qint64 id) {
            return messageOf(Core::ExceptionResolver(m_store).ignore(id, reason, m_actor));
        },
        true);
}

void ExceptionsPage::acknowledge()
{
    runOnSelection(
        [this](qint64 id) {
            return messageOf(Core::ExceptionStore(m_store).acknowledge(id, m_actor));
        },
        true);
}

void ExceptionsPage::assign()
{
    const Core::SyncException *e = currentException();
    if (!e) {
        return;
    }
    ExceptionInputDialog dialog(ExceptionInputDialog::Mode::Assign, *e, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const QString assignee = dialog.text();
    runOnSelection(
        [this, assignee](qint64 id) {
            return messageOf(Core::ExceptionStore(m_store).assign(id, assignee, m_actor));
        },
        false);
}

QByteArray ExceptionsPage::saveState() const
{
    return m_view->horizontalHeader()->saveState();
}

void ExceptionsPage::restoreState(const QByteArray &state)
{
    if (!state.isEmpty()) {
        m_view->horizontalHeader()->restoreState(state);
    }
}

} // namespace Ledgerdesk::Ui
