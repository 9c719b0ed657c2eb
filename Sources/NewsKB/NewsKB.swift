@_exported import NewsKBExtraction
