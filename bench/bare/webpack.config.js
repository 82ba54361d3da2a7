'use strict';
/**
 * Builds the bare comparison page (bench/bare/index.tsx) the way webpack.config.js builds the
 * pane: production mode, ts-loader transpiling to ES modules, HtmlWebpackPlugin with deferred
 * scripts, hashed names. Output goes wherever --output-path points (a temp dir).
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode || 'production',
  devtool: false,
  target: 'web',
  context: __dirname,
  entry: { bare: path.join(__dirname, 'index.tsx') },
  output: {
    path: path.resolve(env.out || path.join(require('os').tmpdir(), 'bench-bare')),
    filename: '[name].[contenthash:8].js',
    chunkFilename: '[name].[contenthash:8].js',
    publicPath: 'auto',
    clean: true,
  },
  resolve: { extensions: ['.tsx', '.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            configFile: path.join(__dirname, '..', '..', 'tsconfig.json'),
            compilerOptions: { module: 'esnext' },
          },
        },
      },
    ],
  },
  plugins: [new HtmlWebpackPlugin({ filename: 'index.html', template: path.join(__dirname, 'index.html') })],
  performance: { hints: false },
  stats: 'errors-warnings',
});
