#pragma once

#include <core/sync/exceptionstore.h>

#include <QAbstractTableModel>
#include <QList>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

// Sync exceptions matching a filter, oldest first. Reads are one small query through the
// calling thread's connection, so refresh() is cheap enough for the GUI thread.
class ExceptionModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExceptionModel)

public:
    enum Column {
        IdColumn,
        AgeColumn,
        SystemColumn,
        KindColumn,
        EntityColumn,
        LedgerColumn,
        TheirsColumn,
        StateColumn,
        AssigneeColumn,
        AttemptsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // the raw value: QString or qint64
        IdRole,                      // the exception's id
    };

    explicit ExceptionModel(Core::Store &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Each setter re-reads. An empty string or nullopt clears that filter.
    void setSystemFilter(const QString &system);
    void setKindFilter(std::optional<Core::ExceptionKind> kind);
    // Unset: open and acknowledged exceptions.
    void setStateFilter(std::optional<Core::ExceptionState> state);
    void setAssigneeFilter(const QString &assignee);
    // Only exceptions created at least this long ago; 0 clears.
    void setOlderThanFilter(qint64 ageMs);

    // All of the above, read once.
    void setFilters(const QString &system,
                    std::optional<Core::ExceptionKind> kind,
                    std::optional<Core::ExceptionState> state,
                    const QString &assignee,
                    qint64 olderThanMs);

    void setCauseFilter(std::optional<Core::ExceptionCause> cause);
    static QString causeText(Core::ExceptionCause cause);

    Core::ExceptionFilter filter() const;
    // Re-reads with the current filter; false (and lastError()) when the ledger could not be read.
    bool refresh();

    QString lastError() const { return m_error; }

    const Core::SyncException *exceptionAt(int row) const;
    int rowOf(qint64 id) const;

    static QString kindText(Core::ExceptionKind kind);
    static QString stateText(Core::ExceptionState state);
    static QString ageText(qint64 ageMs);

signals:
    void refreshed();

private:
    Core::Store &m_store;
    Core::ExceptionFilter m_filter = Core::ExceptionFilter::unresolved();
    qint64 m_olderThanMs = 0;
    QList<Core::SyncException> m_rows;
    Core::UtcMillis m_readAt = 0;
    QString m_error;
};

} // namespace Ledgerdesk::Ui
