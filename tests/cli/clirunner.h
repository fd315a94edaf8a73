#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Ledgerdesk::Testing {

inline constexpr char kLocationsCsv[]
    = "Code,Name,Kind\nWH-EAST,East Coast Warehouse,warehouse\nSOHO,SoHo Flagship,retail\n";
inline constexpr char kProductsCsv[]
    = "Title,URL handle,Vendor,Type,SKU,Barcode,Option1 name,Option1 value,Option2 name,Option2 "
      "value,Price\n"
      "Rib Tee,rib-tee,Northwind,Tops,RT-NAV-S,1001,Color,Navy,Size,S,34.00\n"
      ",rib-tee,,,RT-NAV-M,1002,Color,Navy,Size,M,34.00\n"
      ",rib-tee,,,RT-BLK-M,1003,Color,Black,Size,M,34.00\n";
inline constexpr char kInventoryHeader[]
    = "Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 "
      "Value,SKU,HS Code,COO,Location,Bin name,Incoming (not editable),Unavailable (not "
      "editable),Committed (not editable),Available (not editable),On hand (current),On hand "
      "(new)\n";

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the built ledgerdesk-cli against a ledger in its own temporary folder.
class CliRunner final
{
public:
    CliRunner();

    QString ledger() const { return m_dir.filePath(QStringLiteral("ledger.db")); }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString write(const QString &name, const QByteArray &content) const;
    QByteArray read(const QString &name) const;

    // Runs `ledgerdesk-cli --ledger <ledger> arguments…`.
    CliResult run(const QStringList &arguments) const;
    CliResult runOn(const QString &ledger, const QStringList &arguments) const;

    // Creates the ledger with two locations and one style of three variants, no stock.
    void seedShop() const;

private:
    QTemporaryDir m_dir;
};

} // namespace Ledgerdesk::Testing
