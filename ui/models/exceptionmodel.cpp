#include "exceptionmodel.h"

#include <ui/theme.h>

#include <QLocale>

namespace Ledgerdesk::Ui {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

QString optionalText(const std::optional<QString> &value)
{
    return value ? *value : QStringLiteral("—");
}

} // namespace

ExceptionModel::ExceptionModel(Core::Store &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{}

int ExceptionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ExceptionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ExceptionModel::kindText(Core::ExceptionKind kind)
{
    using K = Core::ExceptionKind;
    switch (kind) {
    case K::Conflict:
        return tr("Conflict");
    case K::RejectedByTarget:
        return tr("Rejected");
    case K::Validation:
        return tr("Invalid");
    case K::UnknownSku:
        return tr("Unknown SKU");
    case K::UnknownLocation:
        return tr("Unknown location");
    case K::AuthenticationFailure:
        return tr("Sign-in failed");
    case K::ThrottledPastBudget:
        return tr("Throttled");
    case K::StaleWrite:
        return tr("Stale write");
    case K::Oversell:
        return tr("Oversell");
    case K::PriceMismatch:
        return tr("Price mismatch");
    case K::QuantityRuleBroken:
        return tr("Quantity rule");
    }
    return QString();
}

QString ExceptionModel::stateText(Core::ExceptionState state)
{
    using S = Core::ExceptionState;
    switch (state) {
    case S::Open:
        return tr("Open");
    case S::Acknowledged:
        return tr("Acknowledged");
    case S::Resolved:
        return tr("Resolved");
    case S::Ignored:
        return tr("Ignored");
    }
    return QString();
}

QString ExceptionModel::ageText(qint64 ageMs)
{
    const qint64 age = qMax<qint64>(0, ageMs);
    if (age < kHourMs) {
        return tr("%1 min").arg(age / kMinuteMs);
    }
    if (age < kDayMs) {
        return tr("%1 h").arg(age / kHourMs);
    }
    return tr("%1 d %2 h").arg(age / kDayMs).arg((age % kDayMs) / kHourMs);
}

QVariant ExceptionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Core::SyncException &e = m_rows.at(index.row());
    if (role == IdRole) {
        return e.id;
    }
    if (role == Qt::TextAlignmentRole) {
        switch (index.column()) {
        case IdColumn:
        case AgeColumn:
        case LedgerColumn:
        case TheirsColumn:
        case AttemptsColumn:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == AgeColumn && !e.isClosed()
        && m_readAt - e.createdAt > kDayMs) {
        return Theme::outOfStockText();
    }
    if (role == Qt::ToolTipRole) {
        return e.errorText.isEmpty() ? QVariant() : QVariant(e.errorText);
    }
    if (role != Qt::DisplayRole && role != SortRole) {
        return {};
    }
    const bool raw = role == SortRole;
    switch (index.column()) {
    case IdColumn:
        return e.id;
    case AgeColumn:
        return raw ? QVariant(m_readAt - e.createdAt) : QVariant(ageText(m_readAt - e.createdAt));
    case SystemColumn:
        return e.system;
    case KindColumn:
        return raw ? Core::exceptionKindKey(e.kind) : kindText(e.kind);
    case EntityColumn:
        return e.entityKey;
    case LedgerColumn:
        return optionalText(e.ledgerValue);
    case TheirsColumn:
        return optionalText(e.externalValue);
    case StateColumn:
        return raw ? Core::exceptionStateKey(e.state) : stateText(e.state);
    case AssigneeColumn:
        return e.assignee;
    case AttemptsColumn:
        return e.attempts;
    default:
        return {};
    }
}

QVariant ExceptionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case IdColumn:
        return tr("#");
    case AgeColumn:
        return tr("Age");
    case SystemColumn:
        return tr("System");
    case KindColumn:
        return tr("Kind");
    case EntityColumn:
        return tr("Entity");
    case LedgerColumn:
        return tr("Ledger");
    case TheirsColumn:
        return tr("Theirs");
    case StateColumn:
        return tr("State");
    case AssigneeColumn:
        return tr("Assignee");
    case AttemptsColumn:
        return tr("Attempts");
    default:
        return {};
    }
}

void ExceptionModel::setSystemFilter(const QString &system)
{
    m_filter.system = system.isEmpty() ? std::nullopt : std::optional<QString>(system);
    refresh();
}

void ExceptionModel::setKindFilter(std::optional<Core::ExceptionKind> kind)
{
    m_filter.kind = kind;
    refresh();
}

void ExceptionModel::setCauseFilter(std::optional<Core::ExceptionCause> cause)
{
    m_filter.cause = cause;
    refresh();
}

QString ExceptionModel::causeText(Core::ExceptionCause cause)
{
    using C = Core::ExceptionCause;
    switch (cause) {
    case C::ValueConflict:
        return tr("Figures differ");
    case C::MissingMapping:
        return tr("Unknown SKU or location");
    case C::Authentication:
        return tr("Sign-in refused");
    case C::RateLimit:
        return tr("Throttled");
    case C::Refused:
        return tr("Refused by a system");
    case C::Unreadable:
        return tr("Unreadable input");
    case C::OrderRule:
        return tr("Order rules");
    }
    return QString();
}

void ExceptionModel::setStateFilter(std::optional<Core::ExceptionState> state)
{
    m_filter.state = state;
    m_filter.openOnly = !state.has_value();
    refresh();
}

void ExceptionModel::setAssigneeFilter(const QString &assignee)
{
    m_filter.assignee = assignee.isEmpty() ? std::nullopt : std::optional<QString>(assignee);
    refresh();
}

void ExceptionModel::setOlderThanFilter(qint64 ageMs)
{
    m_olderThanMs = qMax<qint64>(0, ageMs);
    refresh();
}

void ExceptionModel::setFilters(const QString &system,
                                std::optional<Core::ExceptionKind> kind,
                                std::optional<Core::ExceptionState> state,
                                const QString &assignee,
                                qint64 olderThanMs)
{
    m_filter.system = system.isEmpty() ? std::nullopt : std::optional<QString>(system);
    m_filter.kind = kind;
    m_filter.state = state;
    m_filter.openOnly = !state.has_value();
    m_filter.assignee = assignee.isEmpty() ? std::nullopt : std::optional<QString>(assignee);
    m_olderThanMs = qMax<qint64>(0, olderThanMs);
    refresh();
}

Core::ExceptionFilter ExceptionModel::filter() const
{
    return m_filter;
}

bool ExceptionModel::refresh()
{
    const Core::UtcMillis now = Core::nowUtcMillis();
    Core::ExceptionFilter filter = m_filter;
    if (m_olderThanMs > 0) {
        filter.olderThan = now - m_olderThanMs;
    }
    auto read = Core::ExceptionStore(m_store).list(filter);
    beginResetModel();
    m_readAt = now;
    if (read) {
        m_rows = read.value();
        m_error.clear();
    } else {
        m_rows.clear();
        m_error = read.error().message;
    }
    endResetModel();
    emit refreshed();
    return read.ok();
}

const Core::SyncException *ExceptionModel::exceptionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ExceptionModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id) {
            return row;
        }
    }
    return -1;
}

} // namespace Ledgerdesk::Ui
