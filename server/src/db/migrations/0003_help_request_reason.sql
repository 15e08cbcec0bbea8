-- Why a kiosk calls for staff: the person tapped 呼叫工作人员 ('assistance'), or a device needs
-- a hand ('printer-fault', e.g. a receipt held until the paper is changed). Detail is a stable
-- code such as PRINTER_PAPER_OUT, never personal data.
ALTER TABLE help_requests ADD COLUMN reason text NOT NULL DEFAULT 'assistance';
ALTER TABLE help_requests ADD COLUMN detail text;
