-- Runs inside `nvim --headless --clean`: attaches Neovim's built-in LSP client to the Port Warden
-- server, opens the fixture, waits for its diagnostics, asks for code actions and a hover, and
-- writes what Neovim received as JSON. Works with Neovim 0.7 (Debian 12) and later.
local file = vim.env.PORTWARDEN_FILE
local out = vim.env.PORTWARDEN_OUT

local function finish(result)
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'portwarden',
    cmd = { vim.env.PORTWARDEN_NODE, vim.env.PORTWARDEN_SERVER, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    settings = { portwarden = { enable = true } },
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)

  local received = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = d.code or lsp.code,
    })
  end
  table.sort(diagnostics, function(a, b) return a.lnum < b.lnum end)

  local actions = {}
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 11, character = 4 }, ['end'] = { line = 11, character = 4 } },
    context = { diagnostics = {} },
  }, 10000) or {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do table.insert(actions, action.title) end
  end

  local hover = vim.NIL
  local hovers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = 18, character = 19 },
  }, 10000) or {}
  for _, response in pairs(hovers) do
    if response.result then hover = response.result.contents.value end
  end

  vim.lsp.stop_client(client_id)
  finish({ received = received, version = vim.version().minor, diagnostics = diagnostics, actions = actions, hover = hover })
end)
if not ok then finish({ error = tostring(err) }) end
